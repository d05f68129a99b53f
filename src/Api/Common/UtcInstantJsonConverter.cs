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
        // Written digit by digit into a stack buffer: a list of 50 tickets writes hundreds of instants, and the custom
        // format string ("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'") was parsed again for each of them.
        Span<byte> text = stackalloc byte[MaxLength];
        writer.WriteStringValue(text[..Format(value.UtcDateTime, text)]);
    }

    /// <summary>
    /// <c>2026-11-24T08:00:00Z</c>, with the fraction of a second when there is one, trailing zeros dropped
    /// (<c>08:00:00.25Z</c>); returns the length written.
    /// </summary>
    internal static int Format(DateTime utc, Span<byte> text)
    {
        Digits(text[..4], utc.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), utc.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), utc.Day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), utc.Second);
        var length = 19;
        var fraction = (int)(utc.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            text[length++] = (byte)'.';
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            Digits(text.Slice(length, digits), fraction);
            length += digits;
        }

        text[length++] = (byte)'Z';
        return length;
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    /// <summary>2026-11-24T08:00:00.1234567Z is 28 characters.</summary>
    private const int MaxLength = 32;
}
