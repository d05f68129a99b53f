using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceDesk.Api.Common;

/// <summary>
/// Instants go out in UTC with a <c>Z</c> (<c>2026-11-24T08:00:00Z</c>), as the contract writes them; any ISO-8601
/// instant with an offset is accepted on the way in; one without an offset is refused (a 400 naming the field), never
/// read in the server's time zone.
/// </summary>
internal sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { } text || !RequestGuard.IsInstantWithOffset(text))
            throw new JsonException();
        return reader.GetDateTimeOffset();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // Formatted into a stack buffer: a list of 50 tickets writes a few hundred instants, none of which needs a string.
        Span<char> text = stackalloc char[MaxLength];
        if (!value.UtcDateTime.TryFormat(text, out var written, Format, CultureInfo.InvariantCulture))
            throw new FormatException($"{value:O} does not fit the instant format.");
        writer.WriteStringValue(text[..written]);
    }

    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>2026-11-24T08:00:00.1234567Z is 28 characters; a five-digit year would make 29.</summary>
    private const int MaxLength = 32;
}
