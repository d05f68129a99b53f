namespace ServiceDesk.Application.Common.Exceptions;

/// <summary>The caller's If-Match no longer matches the resource (412): someone else changed it first.</summary>
public sealed class PreconditionFailedException(string resource, object key)
    : Exception($"{resource} '{key}' has been changed since it was read; fetch it again and retry with the new ETag.");
