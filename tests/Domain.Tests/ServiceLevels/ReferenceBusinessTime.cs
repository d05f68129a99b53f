using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Domain.Tests.ServiceLevels;

/// <summary>
/// A deliberately plain count of business time to check <see cref="WorkingSchedule"/> against: every local date,
/// every interval converted with <see cref="TimeZoneInfo"/>'s own gap and ambiguity queries, the UTC ranges merged
/// and clipped. No week skipping, no offset probing.
/// </summary>
internal static class ReferenceBusinessTime
{
    public static TimeSpan Between(WorkingSchedule schedule, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return TimeSpan.Zero;

        var zone = schedule.TimeZone;
        var firstDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var lastDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1);

        var ranges = new List<(DateTime Start, DateTime End)>();
        for (var date = firstDate; date <= lastDate; date = date.AddDays(1))
        {
            var midnight = date.ToDateTime(TimeOnly.MinValue);
            foreach (var interval in schedule.IntervalsOn(date))
            {
                var start = ToUtc(zone, midnight.AddMinutes(interval.StartMinute), isStart: true);
                var end = ToUtc(zone, midnight.AddMinutes(interval.EndMinute), isStart: false);
                if (end > start)
                    ranges.Add((start, end));
            }
        }

        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        var total = TimeSpan.Zero;
        var covered = from.UtcDateTime;
        foreach (var (start, end) in ranges)
        {
            var clippedStart = start < covered ? covered : start;
            var clippedEnd = end > to.UtcDateTime ? to.UtcDateTime : end;
            if (clippedEnd > clippedStart)
                total += clippedEnd - clippedStart;
            if (end > covered)
                covered = end;
        }

        return total;
    }

    private static DateTime ToUtc(TimeZoneInfo zone, DateTime local, bool isStart)
    {
        if (zone.IsInvalidTime(local))
        {
            var afterGap = local;
            while (zone.IsInvalidTime(afterGap))
                afterGap = afterGap.AddMinutes(1);
            return TimeZoneInfo.ConvertTimeToUtc(afterGap, zone);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var offset = isStart ? offsets.Max() : offsets.Min();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
