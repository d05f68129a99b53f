namespace ServiceDesk.Application.Common.Exceptions;

/// <summary>The addressed resource does not exist, or the caller may not know that it does (404 either way).</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;

    public object Key { get; } = key;
}
