using ServiceDesk.Domain.Common;
namespace ServiceDesk.Application.Common.Exceptions;

/// <summary>The request clashes with existing data (409), e.g. a code that is already taken.</summary>
public sealed class ConflictException(string rule, string message, string? field = null, Exception? innerException = null) : Exception(message, innerException)
{
    public string Rule { get; } = rule;

    public string? Field { get; } = field;

    /// <summary>How often a write sent without If-Match is tried before it gives up (see <see cref="WriteContention"/>).</summary>
    public const int WriteAttempts = 10;

    /// <summary>A write without If-Match lost the optimistic-concurrency race on every attempt: 409, never 412.</summary>
    public static ConflictException WriteContention(Exception lastFailure) =>
        new(RuleNames.WriteContention, $"The resource was changed by other writes on each of {WriteAttempts} attempts to apply this one; retry it, or send If-Match to make it conditional.",
            innerException: lastFailure);

    public static ConflictException Duplicate(string resource, string field, string value) =>
        new("duplicate", $"A {resource} with {field} '{value}' already exists.", field);
}
