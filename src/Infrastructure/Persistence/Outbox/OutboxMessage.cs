using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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

    public OutboxMessage(Guid id, string type, string number, DateTimeOffset occurredAt, string data, Guid? customerId = null)
    {
        Id = id;
        Type = type;
        Number = number;
        OccurredAt = occurredAt;
        Data = data;
        CustomerId = customerId;
        Position = NextPosition(occurredAt);
    }

    public const int NumberMaxLength = 64;

    private static long _lastPosition;

    /// <summary>
    /// Event fields as subscribers read them: camelCase, enums by name (as the API writes them), and an event's own
    /// fields followed by its number (<see cref="AsEventData"/>).
    /// </summary>
    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AsEventData } },
    };

    /// <summary>
    /// The outbox row of an event: its type name, and as data the fields the event declares followed by its
    /// <c>number</c> (the type and time are the delivery envelope's, not data). <paramref name="customerId"/> is the
    /// customer the event is about (null: none, e.g. a global change), for subscriptions that want one customer's events.
    /// </summary>
    public static OutboxMessage For(DomainEvent domainEvent, Guid? customerId = null)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return new OutboxMessage(Guid.CreateVersion7(domainEvent.OccurredAt), domainEvent.EventType, domainEvent.Number, domainEvent.OccurredAt,
            JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), DataJson), customerId);
    }

    /// <summary>
    /// An event's contract as data, decided once per event type (every intake writes one, so no JSON tree per event):
    /// the type name and time leave (the delivery envelope carries them) and the number moves last.
    /// </summary>
    private static void AsEventData(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || !type.Type.IsAssignableTo(typeof(DomainEvent)))
            return;
        var number = type.Properties.Single(p => p.Name == "number");
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Name is "eventType" or "occurredAt" or "number")
                type.Properties.RemoveAt(i);
        }

        type.Properties.Add(number);
    }

    /// <summary>The event id subscribers de-duplicate on.</summary>
    public Guid Id { get; private set; }

    public string Type { get; private set; }

    public string Number { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The event's data as JSON (with <c>number</c>).</summary>
    public string Data { get; private set; }

    /// <summary>The customer the event is about; null for events about no customer (a global change, a problem, an article).</summary>
    public Guid? CustomerId { get; private set; }

    /// <summary>
    /// The order events were written in: the event's instant in ticks, made strictly increasing within the process
    /// (events raised at the same instant, or under a stopped test clock, keep the order they were raised in).
    /// Webhook deliveries about the same ticket go out in this order.
    /// </summary>
    public long Position { get; private set; }

    /// <summary>When webhook fan-out created its deliveries (or found no subscription wanting it).</summary>
    public DateTimeOffset? ProcessedAt { get; private set; }

    private static long NextPosition(DateTimeOffset occurredAt)
    {
        while (true)
        {
            var last = Interlocked.Read(ref _lastPosition);
            var next = Math.Max(occurredAt.UtcTicks, last + 1);
            if (Interlocked.CompareExchange(ref _lastPosition, next, last) == last)
                return next;
        }
    }
}
