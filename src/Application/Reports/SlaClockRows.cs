using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Reports;

/// <summary>
/// One SLA clock of a ticket as the SLA lists read it: the response or the resolution columns under one shape, so a
/// list filters and orders either clock with the same LINQ (EF composes over the member-init projection, so the SQL
/// still filters the clock's own indexed columns).
/// </summary>
internal sealed class SlaClockRow
{
    public string Number { get; init; } = string.Empty;

    public Guid CustomerId { get; init; }

    public Priority Priority { get; init; }

    public SlaClockKind Clock { get; init; }

    public SlaClockState State { get; init; }

    public string CalendarCode { get; init; } = string.Empty;

    public int TargetMinutes { get; init; }

    public long ElapsedBeforeSegmentMinutes { get; init; }

    public DateTimeOffset? SegmentStartedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? AtRiskFrom { get; init; }

    public DateTimeOffset? BreachedAt { get; init; }
}

internal static class SlaClockRows
{
    public static IQueryable<SlaClockRow> Clocks(this IQueryable<Ticket> tickets, SlaClockKind kind) => kind == SlaClockKind.Response
        ? tickets.Select(t => new SlaClockRow
        {
            Number = t.Number,
            CustomerId = t.CustomerId,
            Priority = t.Priority,
            Clock = SlaClockKind.Response,
            State = t.Response.State,
            CalendarCode = t.Response.CalendarCode,
            TargetMinutes = t.Response.TargetMinutes,
            ElapsedBeforeSegmentMinutes = t.Response.ElapsedBeforeSegmentMinutes,
            SegmentStartedAt = t.Response.SegmentStartedAt,
            DueAt = t.Response.DueAt,
            AtRiskFrom = t.Response.AtRiskFrom,
            BreachedAt = t.Response.BreachedAt,
        })
        : tickets.Select(t => new SlaClockRow
        {
            Number = t.Number,
            CustomerId = t.CustomerId,
            Priority = t.Priority,
            Clock = SlaClockKind.Resolution,
            State = t.Resolution.State,
            CalendarCode = t.Resolution.CalendarCode,
            TargetMinutes = t.Resolution.TargetMinutes,
            ElapsedBeforeSegmentMinutes = t.Resolution.ElapsedBeforeSegmentMinutes,
            SegmentStartedAt = t.Resolution.SegmentStartedAt,
            DueAt = t.Resolution.DueAt,
            AtRiskFrom = t.Resolution.AtRiskFrom,
            BreachedAt = t.Resolution.BreachedAt,
        });

    /// <summary>Elapsed business minutes / target x 100 as of <paramref name="now"/>, as the ticket's <c>/sla</c> route reports it.</summary>
    public static int PercentageAt(this SlaClockRow row, DateTimeOffset now, WorkingSchedule schedule)
    {
        var elapsed = row.ElapsedBeforeSegmentMinutes + (row.SegmentStartedAt is { } segment ? schedule.BusinessMinutesBetween(segment, now) : 0);
        return row.TargetMinutes == 0 ? 100 : (int)Math.Min(int.MaxValue, elapsed * 100 / row.TargetMinutes);
    }
}
