using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Domain.Incidents;

public enum SlaClockKind
{
    Response,
    Resolution,
}

public enum SlaClockState
{
    Running,
    Paused,
    Met,
    Breached,

    /// <summary>Stopped by a cancel with no outcome: left out of every figure.</summary>
    Cancelled,
}

/// <summary>What a clock reports to the monitor when it crosses a threshold.</summary>
public enum SlaThreshold
{
    Warning75 = 75,
    Warning90 = 90,
    Breached = 100,
}

/// <summary>
/// One SLA clock (response or resolution) of a ticket, counted in business minutes on its calendar.
/// </summary>
/// <remarks>
/// The clock runs in segments: <see cref="ElapsedBeforeSegmentMinutes"/> is the business time of the segments
/// already closed (by a pause or a stop) and <see cref="SegmentStartedAt"/> the start of the one counting now, so
/// elapsed time is never recomputed from history. Paused business time is kept apart for reporting and pushes the
/// due time later. A clock that reaches its due time while counting is breached at that instant, whoever looks;
/// the outcome (met or breached) of the response clock is final, a breach of the resolution clock too. A cancel
/// stops a clock with no outcome (<see cref="SlaClockState.Cancelled"/>), which is final.
/// </remarks>
public sealed class SlaClock
{
    private SlaClock()
    {
        CalendarCode = string.Empty;
    }

    private SlaClock(SlaClockKind kind, string calendarCode, int targetMinutes, DateTimeOffset startedAt)
    {
        Kind = kind;
        CalendarCode = calendarCode;
        TargetMinutes = targetMinutes;
        StartedAt = startedAt;
    }

    public SlaClockKind Kind { get; private set; }

    public string CalendarCode { get; private set; }

    public int TargetMinutes { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Business minutes counted in segments that have ended.</summary>
    public long ElapsedBeforeSegmentMinutes { get; private set; }

    /// <summary>Start of the segment counting now; null while paused or stopped.</summary>
    public DateTimeOffset? SegmentStartedAt { get; private set; }

    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary>Business minutes spent paused (they do not count against the target).</summary>
    public long PausedMinutes { get; private set; }

    /// <summary>When the target runs out while counting; null while paused; after a stop, the due time that applied.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public DateTimeOffset? StoppedAt { get; private set; }

    public bool IsBreached { get; private set; }

    public DateTimeOffset? BreachedAt { get; private set; }

    public bool Warned75 { get; private set; }

    public bool Warned90 { get; private set; }

    /// <summary>
    /// While counting, the instant the clock reaches 75 % of its target in business time (the at-risk list's filter:
    /// <c>AtRiskFrom &lt;= now</c>); null while paused or stopped. The same instant the monitor's first warning uses.
    /// </summary>
    public DateTimeOffset? AtRiskFrom { get; private set; }

    /// <summary>The next instant the breach monitor must look at this clock (a warning or the breach); null when nothing is pending.</summary>
    public DateTimeOffset? NextCheckAt { get; private set; }

    public bool IsCounting => SegmentStartedAt is not null;

    public bool IsStopped => StoppedAt is not null;

    /// <summary>Stored (not derived on read) so lists can filter and project it in SQL.</summary>
    public SlaClockState State { get; private set; }

    private bool IsCancelled => State == SlaClockState.Cancelled;

    public static SlaClock Start(SlaClockKind kind, string calendarCode, int targetMinutes, DateTimeOffset at, WorkingSchedule schedule)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetMinutes);
        var clock = new SlaClock(kind, calendarCode, targetMinutes, at) { SegmentStartedAt = at };
        clock.Reschedule(schedule);
        clock.Refresh();
        return clock;
    }

    public long ElapsedMinutes(DateTimeOffset now, WorkingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return ElapsedBeforeSegmentMinutes + (SegmentStartedAt is { } segment ? schedule.BusinessMinutesBetween(segment, now) : 0);
    }

    /// <summary>Paused business minutes, including a pause still going on.</summary>
    public long PausedMinutesAt(DateTimeOffset now, WorkingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return PausedMinutes + (PausedAt is { } paused && !IsStopped ? schedule.BusinessMinutesBetween(paused, now) : 0);
    }

    /// <summary>When the target would run out: the stored due time, or for a paused clock, if it resumed now.</summary>
    public DateTimeOffset? ProjectedDueAt(DateTimeOffset now, WorkingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (PausedAt is not null && !IsStopped)
            return schedule.AddBusinessMinutes(now, Math.Max(0, TargetMinutes - ElapsedBeforeSegmentMinutes));
        return DueAt;
    }

    public void Pause(DateTimeOffset at, WorkingSchedule schedule)
    {
        if (!IsCounting)
            return;
        EndSegment(at, schedule);
        PausedAt = at;
        DueAt = null;
        Refresh();
    }

    public void Resume(DateTimeOffset at, WorkingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (PausedAt is not { } paused || IsStopped)
            return;
        PausedMinutes += schedule.BusinessMinutesBetween(paused, at);
        PausedAt = null;
        SegmentStartedAt = at;
        Reschedule(schedule);
        Refresh();
    }

    /// <summary>Stops the clock (acknowledged, resolved): met unless the target was already used up.</summary>
    public void Stop(DateTimeOffset at, WorkingSchedule schedule)
    {
        if (IsStopped)
            return;
        End(at, schedule);
        Refresh();
    }

    /// <summary>
    /// The ticket is cancelled: a running or paused clock stops with no outcome (<see cref="SlaClockState.Cancelled"/>),
    /// its elapsed and paused time frozen as of <paramref name="at"/>. A clock already met or breached keeps that
    /// outcome, and one that counted past its due time was breached at the due time, so it ends breached.
    /// </summary>
    public void Cancel(DateTimeOffset at, WorkingSchedule schedule)
    {
        if (IsStopped)
            return;
        End(at, schedule);
        State = IsBreached ? SlaClockState.Breached : SlaClockState.Cancelled;
    }

    /// <summary>Reopen: counting resumes from the elapsed time kept; a breach stays a breach. A cancelled clock stays cancelled.</summary>
    public void Restart(DateTimeOffset at, WorkingSchedule schedule)
    {
        if (!IsStopped || IsCancelled)
            return;
        StoppedAt = null;
        SegmentStartedAt = at;
        Reschedule(schedule);
        Refresh();
    }

    /// <summary>
    /// A priority change: same start and elapsed time, the new target. A met, breached or cancelled clock keeps its outcome.
    /// Thresholds the new target puts in the past are left to <see cref="Evaluate"/>, so the monitor reports them
    /// (the next check moves to them); the breach, if any, is still dated at the new due time.
    /// </summary>
    public void Retarget(int targetMinutes, WorkingSchedule schedule)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetMinutes);
        if (IsBreached || IsCancelled || (IsStopped && Kind == SlaClockKind.Response))
            return;
        TargetMinutes = targetMinutes;
        if (IsCounting)
            Reschedule(schedule);
        Refresh();
    }

    /// <summary>
    /// What the monitor does: thresholds crossed by <paramref name="now"/> that were not reported yet, in order.
    /// Passing the due time while counting marks the clock breached at the due time.
    /// </summary>
    public IReadOnlyList<SlaThreshold> Evaluate(DateTimeOffset now, WorkingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!IsCounting || IsBreached)
            return [];

        var crossed = new List<SlaThreshold>(3);
        var elapsed = ElapsedMinutes(now, schedule);
        if (!Warned75 && elapsed * 100 >= TargetMinutes * 75L)
        {
            Warned75 = true;
            crossed.Add(SlaThreshold.Warning75);
        }

        if (!Warned90 && elapsed * 100 >= TargetMinutes * 90L)
        {
            Warned90 = true;
            crossed.Add(SlaThreshold.Warning90);
        }

        if (DueAt is { } due && now > due)
        {
            MarkBreached(due);
            crossed.Add(SlaThreshold.Breached);
        }

        NextCheckAt = NextThresholdAt(schedule);
        Refresh();
        return crossed;
    }

    public int Percentage(DateTimeOffset now, WorkingSchedule schedule) =>
        TargetMinutes == 0 ? 100 : (int)Math.Min(int.MaxValue, ElapsedMinutes(now, schedule) * 100 / TargetMinutes);

    /// <summary>Ends the clock at <paramref name="at"/>: a pause going on is counted, the counting segment closed, nothing left to check.</summary>
    private void End(DateTimeOffset at, WorkingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (PausedAt is { } paused)
        {
            PausedMinutes += schedule.BusinessMinutesBetween(paused, at);
            PausedAt = null;
        }

        if (IsCounting)
            EndSegment(at, schedule);
        else if (!IsBreached && ElapsedBeforeSegmentMinutes > TargetMinutes)
            MarkBreached(at);
        StoppedAt = at;
        NextCheckAt = null;
    }

    /// <summary>
    /// Closes the counting segment (a pause or a stop). A segment that ran past the due time breached the clock at
    /// the due time, even if the monitor never looked: without this a pause would forget the breach.
    /// </summary>
    private void EndSegment(DateTimeOffset at, WorkingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var due = DueAt;
        ElapsedBeforeSegmentMinutes += schedule.BusinessMinutesBetween(SegmentStartedAt!.Value, at);
        SegmentStartedAt = null;
        NextCheckAt = null;
        AtRiskFrom = null;
        if (!IsBreached && due is { } d && at > d)
            MarkBreached(d);
    }

    private void Refresh() =>
        State = IsBreached ? SlaClockState.Breached
            : IsCancelled ? SlaClockState.Cancelled
            : IsStopped ? SlaClockState.Met
            : PausedAt is not null ? SlaClockState.Paused
            : SlaClockState.Running;

    private void MarkBreached(DateTimeOffset at)
    {
        IsBreached = true;
        BreachedAt = at;
        NextCheckAt = null;
    }

    /// <summary>Due time and next monitor check from the counting segment.</summary>
    private void Reschedule(WorkingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var segment = SegmentStartedAt!.Value;
        DueAt = schedule.AddBusinessMinutes(segment, Math.Max(0, TargetMinutes - ElapsedBeforeSegmentMinutes));
        AtRiskFrom = schedule.AddBusinessMinutes(segment, Math.Max(0, ThresholdMinutes(75) - ElapsedBeforeSegmentMinutes));
        NextCheckAt = IsBreached ? null : NextThresholdAt(schedule);
    }

    private DateTimeOffset? NextThresholdAt(WorkingSchedule schedule)
    {
        if (IsBreached || SegmentStartedAt is not { } segment)
            return null;
        foreach (var (percent, done) in new[] { (75L, Warned75), (90L, Warned90) })
        {
            if (done)
                continue;
            return schedule.AddBusinessMinutes(segment, Math.Max(0, ThresholdMinutes(percent) - ElapsedBeforeSegmentMinutes));
        }

        return DueAt;
    }

    /// <summary>The first whole business minute at which <paramref name="percent"/> % of the target is used.</summary>
    private long ThresholdMinutes(long percent) => ((TargetMinutes * percent) + 99) / 100;
}
