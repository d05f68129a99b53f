using System.Text.RegularExpressions;

namespace ServiceDesk.Domain.Common;

/// <summary>Small invariant checks shared by entities; each failure names the field it is about.</summary>
public static partial class Guard
{
    public const int MaxCodeLength = 32;

    [GeneratedRegex("^[A-Z0-9](?:[A-Z0-9-]{0,30}[A-Z0-9])?$")]
    private static partial Regex CodePattern();

    /// <summary>Client-chosen codes: up to 32 characters of A-Z, 0-9 and '-' (not at either end).</summary>
    public static string Code(string? value, string field = "code")
    {
        if (string.IsNullOrWhiteSpace(value))
            throw DomainException.Invalid(field, $"'{field}' is required.");
        if (value.Length > MaxCodeLength || !CodePattern().IsMatch(value))
            throw DomainException.Invalid(field, $"'{field}' must be 1 to {MaxCodeLength} characters of A-Z, 0-9 and '-'.");
        return value;
    }

    public static string Required(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw DomainException.Invalid(field, $"'{field}' is required.");
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
            throw DomainException.Invalid(field, $"'{field}' must be at most {maxLength} characters.");
        return trimmed;
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
            throw DomainException.Invalid(field, $"'{field}' must be at most {maxLength} characters.");
        return trimmed;
    }

    public static decimal NonNegative(decimal value, string field)
    {
        if (value < 0)
            throw DomainException.Invalid(field, $"'{field}' must not be negative.");
        return value;
    }
}
