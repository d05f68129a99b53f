using ServiceDesk.Application.Common.Exceptions;

namespace ServiceDesk.Api.Common;

/// <summary>Parses query-string values the framework would bind too loosely (enums by number, case).</summary>
public static class QueryValues
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
}
