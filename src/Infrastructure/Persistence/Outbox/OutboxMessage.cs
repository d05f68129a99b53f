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

    /// <summary>The event id subscribers de-duplicate on.</summary>
    public Guid Id { get; private set; }

    public string Type { get; private set; }

    public string Number { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The event's data as JSON (with <c>number</c>).</summary>
    public string Data { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }
}
