namespace ServiceDesk.Domain.Incidents;

/// <summary>
/// What the reports read (domain.md section 5, Reporting), set by the transition that decides it, in the same save, so
/// the database can SUM and AVG them per group without replaying history: the time to acknowledge and to resolve in
/// business minutes (the clock's elapsed time, paused time excluded) and in clock minutes (wall time since opening),
/// and the instants of the last resolution and the last reopen. A reopen keeps the last resolution's figures until
/// the ticket is resolved again.
/// </summary>
public sealed partial class Ticket
{
    /// <summary>The response clock's business minutes at acknowledgement.</summary>
    public long? AcknowledgeBusinessMinutes { get; private set; }

    /// <summary>Whole wall-clock minutes from opening to acknowledgement.</summary>
    public long? AcknowledgeClockMinutes { get; private set; }

    /// <summary>The last time the ticket was resolved (kept through a reopen, unlike <see cref="ResolvedAt"/>).</summary>
    public DateTimeOffset? LastResolvedAt { get; private set; }

    /// <summary>The resolution clock's business minutes at the last resolution (paused time excluded).</summary>
    public long? ResolveBusinessMinutes { get; private set; }

    /// <summary>Whole wall-clock minutes from opening to the last resolution (paused time included).</summary>
    public long? ResolveClockMinutes { get; private set; }

    /// <summary>The last time the customer reopened the ticket.</summary>
    public DateTimeOffset? LastReopenedAt { get; private set; }

    private void RecordAcknowledged(DateTimeOffset at, SlaContext sla)
    {
        AcknowledgeBusinessMinutes = Response.ElapsedMinutes(at, sla.ResponseSchedule);
        AcknowledgeClockMinutes = ClockMinutesSinceOpening(at);
    }

    private void RecordResolved(DateTimeOffset at, SlaContext sla)
    {
        LastResolvedAt = at;
        ResolveBusinessMinutes = Resolution.ElapsedMinutes(at, sla.ResolutionSchedule);
        ResolveClockMinutes = ClockMinutesSinceOpening(at);
    }

    private long ClockMinutesSinceOpening(DateTimeOffset at) => (long)Math.Floor((at - OpenedAt).TotalMinutes);
}
