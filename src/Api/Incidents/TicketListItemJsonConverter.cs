using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceDesk.Application.Incidents;

namespace ServiceDesk.Api.Incidents;

/// <summary>
/// Writes a list item's JSON once per item instance and keeps it with the instance. A first page of the ticket list
/// that clients poll takes its items from those kept by ticket and version (<c>TicketListItems</c>), the same instances
/// for as long as each ticket is unchanged, so the page copies 50 items' bytes instead of writing 850 fields (32 µs
/// a page in <c>IncidentJsonBenchmarks</c>). Items are immutable records: a changed ticket is a new instance.
/// </summary>
/// <remarks>
/// The bytes are written with the options this converter was first called with, less this converter, so they are what
/// the serializer writes with every other converter of the API; options of another instance (a copy that shares this
/// converter) get the item written anew, never those bytes. They live as long as their item does
/// (<see cref="ConditionalWeakTable{TKey,TValue}"/>): items read for one page only are collected with their bytes.
/// </remarks>
internal sealed class TicketListItemJsonConverter : JsonConverter<TicketListItem>
{
    private readonly ConditionalWeakTable<TicketListItem, byte[]> _written = [];
    private Written? _for;

    public override TicketListItem? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<TicketListItem>(ref reader, WithoutThis(options));

    public override void Write(Utf8JsonWriter writer, TicketListItem value, JsonSerializerOptions options)
    {
        var written = _for ?? Of(options);
        if (!ReferenceEquals(written.Options, options))
        {
            JsonSerializer.Serialize(writer, value, WithoutThis(options));
            return;
        }

        if (!_written.TryGetValue(value, out var json))
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, written.WithoutThis);
            _written.TryAdd(value, json);
        }

        // Written by the serializer just above (or for an earlier request): valid JSON, not parsed again.
        writer.WriteRawValue(json, skipInputValidation: true);
    }

    /// <summary>The first options seen: the ones whose bytes are kept (a converter is made for one options instance).</summary>
    private Written Of(JsonSerializerOptions options)
    {
        var made = new Written(options, Copy(options));
        return Interlocked.CompareExchange(ref _for, made, null) ?? made;
    }

    /// <summary>The options less this converter: made once for the first options, anew for any other (rare: a copy).</summary>
    private JsonSerializerOptions WithoutThis(JsonSerializerOptions options)
    {
        var written = _for ?? Of(options);
        return ReferenceEquals(written.Options, options) ? written.WithoutThis : Copy(options);
    }

    private JsonSerializerOptions Copy(JsonSerializerOptions options)
    {
        var copy = new JsonSerializerOptions(options);
        copy.Converters.Remove(this);
        return copy;
    }

    private sealed record Written(JsonSerializerOptions Options, JsonSerializerOptions WithoutThis);
}
