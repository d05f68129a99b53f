using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Domain.Changes;

/// <summary>
/// A change request was raised. Subscribers see it as a <c>ticket.created</c> of kind Change, like every record the
/// desk numbers; it carries no priority or group (a change has neither).
/// </summary>
public sealed record ChangeCreated : DomainEvent
{
    public ChangeCreated(string number, DateTimeOffset occurredAt, Guid? customerId)
        : base(number, occurredAt) => CustomerId = customerId;

    public override string EventType => "ticket.created";

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An instance member so the outbox payload carries it as 'kind'.")]
    public TicketKind Kind => TicketKind.Change;

    /// <summary>The customer affected; null for a global change.</summary>
    public Guid? CustomerId { get; init; }
}

/// <summary>A change has all the approvals it needs (<see cref="Automatic"/>: a Standard change, approved on submit).</summary>
public sealed record ChangeApproved(string Number, DateTimeOffset OccurredAt, ChangeType? Type, ChangeRisk? Risk, Guid? CustomerId, int Approvals, bool Automatic)
    : DomainEvent(Number, OccurredAt)
{
    public override string EventType => "change.approved";
}

/// <summary>A change's window was planned or re-planned; <see cref="Conflicts"/> names the overlapping changes it was scheduled over.</summary>
public sealed record ChangeScheduled(
    string Number,
    DateTimeOffset OccurredAt,
    ChangeType? Type,
    Guid? CustomerId,
    DateTimeOffset? PlannedStart,
    DateTimeOffset? PlannedEnd,
    IReadOnlyList<string> Conflicts,
    bool ScheduledInFreeze) : DomainEvent(Number, OccurredAt)
{
    public override string EventType => "change.scheduled";
}
