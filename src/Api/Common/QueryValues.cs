using System.Globalization;
using System.Text.RegularExpressions;
using ServiceDesk.Application.Common.Exceptions;

namespace ServiceDesk.Api.Common;

/// <summary>Parses query-string values the framework would bind too loosely (enums by number, case).</summary>
public static partial class QueryValues
{
    /// <summary>An enum given by name (case-insensitive); numbers and unknown names are a 400 naming the parameter.</summary>
    public static TEnum? Enum<TEnum>(string? value, string parameter)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!char.IsDigit(value[0]) && value[0] != '-' && System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
            return parsed;
        throw new RequestValidationException(parameter, $"'{parameter}' must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
    }

    /// <summary>"true" or "false" (any case); anything else is a 400 naming the parameter.</summary>
    public static bool? Boolean(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        return bool.TryParse(value.Trim(), out var parsed)
            ? parsed
            : throw new RequestValidationException(parameter, $"'{parameter}' must be true or false.");
    }

    /// <summary>
    /// An ISO-8601 instant with its offset (<c>2026-11-20T09:00:00Z</c>, <c>2026-11-20T17:00:00+08:00</c>). A time
    /// without an offset is refused: it names no instant. A '+' sent unencoded arrives as a space and is read as '+'.
    /// </summary>
    public static DateTimeOffset? Instant(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim().Replace(' ', '+');
        if (IsoInstant().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        throw new RequestValidationException(parameter, $"'{parameter}' must be an instant with its offset, e.g. 2026-11-20T09:00:00Z.");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoInstant();
}
