using System.Globalization;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Domain.Incidents;

/// <summary>
/// The SLA bookkeeping of a ticket (domain.md section 5): its two clocks, the thresholds the breach monitor reports,
/// the automatic escalation, and the keys the work queue and the monitor read. The state machine in Ticket.cs calls
/// in here when a transition starts, stops, pauses or re-targets a clock.
/// </summary>
public sealed partial class Ticket
{
    /// <summary>Queue key of tickets whose clocks are all stopped or paused: after every real due time.</summary>
    public static readonly DateTimeOffset NotDue = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public SlaClock Response { get; private set; }

    public SlaClock Resolution { get; private set; }

    /// <summary>
    /// The work queue's sort key: the earliest due time of a clock still counting (a breached one, already past,
    /// sorts first), or <see cref="NotDue"/> when no clock counts. Stored so the queue is an index scan.
    /// </summary>
    public DateTimeOffset QueueDueAt { get; private set; }

    /// <summary>Stored copy of <see cref="IsOpen"/> for the queue's index.</summary>
    public bool IsOpenFlag { get; private set; }

    /// <summary>The earliest instant the breach monitor or the auto-close must look at this ticket.</summary>
    public DateTimeOffset? NextCheckAt { get; private set; }

    /// <summary>
    /// The breach monitor's look at the ticket: thresholds crossed since the last look become sla.warning /
    /// sla.breached events (each once per clock); the resolution clock at 75% and 90% escalates hierarchically;
    /// a resolved ticket past its auto-close time is closed.
    /// </summary>
    public void CheckSla(DateTimeOffset now, SlaContext sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        foreach (var clock in new[] { Response, Resolution })
        {
            foreach (var threshold in clock.Evaluate(now, sla.ScheduleFor(clock.Kind)))
            {
                ReportThreshold(clock, threshold, now);
                if (clock.Kind == SlaClockKind.Resolution && IsOpen)
                    EscalateAutomatically(threshold, now);
            }
        }

        if (Status == TicketStatus.Resolved && AutoCloseAt is { } closeAt && now >= closeAt)
            Close(Actor.System, now);

        Touched(now);
    }

    private static (SlaClock Response, SlaClock Resolution) StartClocks(DateTimeOffset openedAt, SlaContext sla, Priority priority)
    {
        var target = sla.Level.TargetFor(priority);
        return (
            SlaClock.Start(SlaClockKind.Response, sla.Level.EffectiveResponseCalendarCode, target.ResponseMinutes, openedAt, sla.ResponseSchedule),
            SlaClock.Start(SlaClockKind.Resolution, sla.Level.CalendarCode, target.ResolutionMinutes, openedAt, sla.ResolutionSchedule));
    }

    /// <summary>A new priority: both clocks keep their start and elapsed time and take the new targets.</summary>
    private void RetargetClocks(SlaContext sla)
    {
        var target = sla.Level.TargetFor(Priority);
        Response.Retarget(target.ResponseMinutes, sla.ResponseSchedule);
        Resolution.Retarget(target.ResolutionMinutes, sla.ResolutionSchedule);
    }

    /// <summary>The first response: the response clock stops (once).</summary>
    private void Acknowledge(DateTimeOffset now, SlaContext sla)
    {
        if (AcknowledgedAt is not null)
            return;
        AcknowledgedAt = now;
        StopClock(Response, now, sla);
        RecordAcknowledged(now, sla);
    }

    private void StopClock(SlaClock clock, DateTimeOffset now, SlaContext sla) =>
        ChangeClock(clock, now, () => clock.Stop(now, sla.ScheduleFor(clock.Kind)));

    /// <summary>The ticket is cancelled: the clock stops with no outcome, unless it is met or breached already (or breaches as it stops).</summary>
    private void CancelClock(SlaClock clock, DateTimeOffset now, SlaContext sla) =>
        ChangeClock(clock, now, () => clock.Cancel(now, sla.ScheduleFor(clock.Kind)));

    private void PauseClock(SlaClock clock, DateTimeOffset now, SlaContext sla) =>
        ChangeClock(clock, now, () => clock.Pause(now, sla.ScheduleFor(clock.Kind)));

    /// <summary>
    /// Stops, cancels or pauses a clock. One that ran past its due time is breached at the due time even if the monitor never
    /// looked (domain.md section 5); that breach is reported here as the monitor would have, so every breach has its
    /// sla.breached event. Warnings are left to the monitor: a stopped clock no longer needs them, a paused one gets
    /// them once it resumes.
    /// </summary>
    private void ChangeClock(SlaClock clock, DateTimeOffset now, Action change)
    {
        var wasBreached = clock.IsBreached;
        change();
        if (!wasBreached && clock.IsBreached)
            ReportThreshold(clock, SlaThreshold.Breached, now);
    }

    private void ReportThreshold(SlaClock clock, SlaThreshold threshold, DateTimeOffset now)
    {
        _events.Add(threshold == SlaThreshold.Breached
            ? new SlaBreached(Number, now, clock.Kind, clock.BreachedAt, Priority)
            : new SlaWarning(Number, now, clock.Kind, (int)threshold, clock.DueAt, Priority));
        Record(now, Actor.System, threshold == SlaThreshold.Breached ? "sla-breached" : "sla-warning", clock.Kind.ToString().ToLowerInvariant(), null, $"{(int)threshold}%");
    }

    /// <summary>The resolution clock at 75% puts the ticket on level 2, at 90% on level 3; never lower than it is.</summary>
    private void EscalateAutomatically(SlaThreshold threshold, DateTimeOffset now)
    {
        var level = threshold switch
        {
            SlaThreshold.Warning75 => 2,
            SlaThreshold.Warning90 => 3,
            _ => 0,
        };
        if (level <= EscalationLevel)
            return;
        Record(now, Actor.System, "escalated", "escalationLevel", EscalationLevel.ToString(CultureInfo.InvariantCulture), level.ToString(CultureInfo.InvariantCulture),
            $"Resolution clock at {(int)threshold}%");
        EscalationLevel = level;
        RaiseUpdated(now, "escalated");
    }

    /// <summary>Refreshes what the work queue sorts by and when the monitor must look next.</summary>
    private void UpdateQueueKeys()
    {
        static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

        NextCheckAt = Earliest(Earliest(Response.NextCheckAt, Resolution.NextCheckAt), AutoCloseAt);
        IsOpenFlag = IsOpen;
        QueueDueAt = IsOpenFlag
            ? Earliest(Response.IsCounting ? Response.DueAt : null, Resolution.IsCounting ? Resolution.DueAt : null) ?? NotDue
            : NotDue;
    }
}
