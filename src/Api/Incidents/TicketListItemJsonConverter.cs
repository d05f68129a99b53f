using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceDesk.Application.Incidents;

namespace ServiceDesk.Api.Incidents;

/// <summary>
/// Writes a list item's JSON once per item instance and keeps it with the instance. A first page of the ticket list
/// takes its items from those kept by ticket and version (<c>TicketListItems</c>), the same instances for as long as
/// each ticket is unchanged, so a page polled again copies 50 items' bytes instead of writing 850 fields (a third of
/// the API's time per page). Items are immutable records, and any change to a ticket is a new instance.
/// </summary>
/// <remarks>
/// The bytes are written with the options this converter is registered in, less this converter, so they stay what
/// the serializer would write with every other converter of the API. They live as long as their item does
/// (<see cref="ConditionalWeakTable{TKey,TValue}"/>): items read for one page only are collected with their bytes.
/// </remarks>
internal sealed class TicketListItemJsonConverter : JsonConverter<TicketListItem>
{
    private readonly ConditionalWeakTable<TicketListItem, byte[]> _written = [];
    private JsonSerializerOptions? _withoutThis;

    public override TicketListItem? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<TicketListItem>(ref reader, WithoutThis(options));

    public override void Write(Utf8JsonWriter writer, TicketListItem value, JsonSerializerOptions options)
    {
        if (!_written.TryGetValue(value, out var json))
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, WithoutThis(options));
            _written.TryAdd(value, json);
        }

        // Written by the serializer just above (or for an earlier request): valid JSON, not parsed again.
        writer.WriteRawValue(json, skipInputValidation: true);
    }

    /// <summary>The options this converter was called with, less itself (made once: a converter serves one options instance).</summary>
    private JsonSerializerOptions WithoutThis(JsonSerializerOptions options)
    {
        if (_withoutThis is { } made)
            return made;

        var copy = new JsonSerializerOptions(options);
        copy.Converters.Remove(this);
        return Interlocked.CompareExchange(ref _withoutThis, copy, null) ?? copy;
    }
}
