namespace ServiceDesk.Application.Common.Exceptions;

/// <summary>The request clashes with existing data (409), e.g. a code that is already taken.</summary>
public sealed class ConflictException(string rule, string message, string? field = null) : Exception(message)
{
    public string Rule { get; } = rule;

    public string? Field { get; } = field;

    public static ConflictException Duplicate(string resource, string field, string value) =>
        new("duplicate", $"A {resource} with {field} '{value}' already exists.", field);
}
