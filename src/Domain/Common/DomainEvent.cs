namespace ServiceDesk.Domain.Common;

/// <summary>
/// Something that happened to a ticket or a change; written to the outbox in the same transaction as the change.
/// Subscribers receive the properties a concrete event declares as the delivery's <c>data</c>, with <see cref="Number"/>.
/// </summary>
/// <param name="Number">The number of the ticket or change it is about.</param>
public abstract record DomainEvent(string Number, DateTimeOffset OccurredAt)
{
    /// <summary>The event type as subscribers see it, e.g. <c>ticket.created</c>, <c>sla.breached</c>.</summary>
    public abstract string EventType { get; }
}

/// <summary>An aggregate that raises domain events.</summary>
public interface IHasDomainEvents
{
    IReadOnlyList<DomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
