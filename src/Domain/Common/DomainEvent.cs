namespace ServiceDesk.Domain.Common;

/// <summary>Something that happened to an aggregate; written to the outbox in the same transaction as the change.</summary>
/// <param name="Type">The event type as subscribers see it, e.g. <c>ticket.created</c>, <c>sla.breached</c>.</param>
/// <param name="Number">The number of the ticket or change it is about.</param>
/// <param name="Data">Event-specific fields (serialised as the delivery's <c>data</c> with <c>number</c>).</param>
public sealed record DomainEvent(string Type, string Number, DateTimeOffset OccurredAt, IReadOnlyDictionary<string, object?> Data);

/// <summary>An aggregate that raises domain events.</summary>
public interface IHasDomainEvents
{
    IReadOnlyList<DomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
