using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Domain.Incidents;

/// <summary>The desk accepted an incident or a service request.</summary>
public sealed record TicketCreated(string Number, DateTimeOffset OccurredAt, TicketKind Kind, Priority Priority, Guid CustomerId, string AssignmentGroup)
    : DomainEvent(Number, OccurredAt)
{
    public override string EventType => "ticket.created";
}

/// <summary>
/// Something on a ticket changed. One event stands for a whole change set: <see cref="Changes"/> names what changed
/// (status, assignment, priority, ...) once each, and <see cref="Status"/> is the status the change set left it in.
/// </summary>
public sealed record TicketUpdated(string Number, DateTimeOffset OccurredAt, IReadOnlyList<string> Changes, TicketStatus? Status)
    : DomainEvent(Number, OccurredAt)
{
    public override string EventType => "ticket.updated";

    /// <summary>The same change set with <paramref name="what"/> listed (once).</summary>
    public TicketUpdated Including(string what) => Changes.Contains(what) ? this : this with { Changes = [.. Changes, what] };
}

public sealed record TicketResolved(string Number, DateTimeOffset OccurredAt, string ResolutionCode) : DomainEvent(Number, OccurredAt)
{
    public override string EventType => "ticket.resolved";
}

/// <summary>A clock of the ticket crossed a threshold of its target (domain.md section 5).</summary>
/// <param name="Percentage">75 or 90 for a warning, 100 for a breach.</param>
/// <param name="DueAt">The clock's due time (for a breach: the instant it breached).</param>
public abstract record SlaThresholdCrossed(string Number, DateTimeOffset OccurredAt, SlaClockKind Clock, int Percentage, DateTimeOffset? DueAt, Priority Priority)
    : DomainEvent(Number, OccurredAt);

public sealed record SlaWarning(string Number, DateTimeOffset OccurredAt, SlaClockKind Clock, int Percentage, DateTimeOffset? DueAt, Priority Priority)
    : SlaThresholdCrossed(Number, OccurredAt, Clock, Percentage, DueAt, Priority)
{
    public override string EventType => "sla.warning";
}

/// <param name="DueAt">The instant the clock breached.</param>
public sealed record SlaBreached(string Number, DateTimeOffset OccurredAt, SlaClockKind Clock, DateTimeOffset? DueAt, Priority Priority)
    : SlaThresholdCrossed(Number, OccurredAt, Clock, (int)SlaThreshold.Breached, DueAt, Priority)
{
    public override string EventType => "sla.breached";
}
