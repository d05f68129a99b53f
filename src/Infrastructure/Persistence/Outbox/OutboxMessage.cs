using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Infrastructure.Persistence.Outbox;

/// <summary>
/// A domain event written in the same transaction as the change that raised it; webhook delivery reads from here,
/// so an event is never lost because a receiver was down or the API restarted.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        Type = Number = Data = string.Empty;
    }

    public OutboxMessage(Guid id, string type, string number, DateTimeOffset occurredAt, string data)
    {
        Id = id;
        Type = type;
        Number = number;
        OccurredAt = occurredAt;
        Data = data;
    }

    /// <summary>Event fields as subscribers read them: camelCase, enums by name (as the API writes them).</summary>
    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// The outbox row of an event: its type name, and as data the fields the event declares followed by its
    /// <c>number</c> (the type and time are the delivery envelope's, not data).
    /// </summary>
    public static OutboxMessage For(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var data = JsonSerializer.SerializeToNode(domainEvent, domainEvent.GetType(), DataJson)!.AsObject();
        foreach (var envelope in new[] { "eventType", "occurredAt", "number" })
            data.Remove(envelope);
        data["number"] = domainEvent.Number;
        return new OutboxMessage(Guid.CreateVersion7(domainEvent.OccurredAt), domainEvent.EventType, domainEvent.Number, domainEvent.OccurredAt,
            data.ToJsonString(DataJson));
    }

    /// <summary>The event id subscribers de-duplicate on.</summary>
    public Guid Id { get; private set; }

    public string Type { get; private set; }

    public string Number { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The event's data as JSON (with <c>number</c>).</summary>
    public string Data { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }
}
