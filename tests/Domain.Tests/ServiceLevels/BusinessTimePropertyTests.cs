using CsCheck;
using ServiceDesk.Domain.ServiceLevels;
using static ServiceDesk.Domain.Tests.ServiceLevels.Calendars;

namespace ServiceDesk.Domain.Tests.ServiceLevels;

/// <summary>Laws the business-time engine keeps on any start and target, checked on random samples.</summary>
public class BusinessTimePropertyTests
{
    private static readonly Dictionary<string, WorkingSchedule> Schedules = new()
    {
        ["5X8-CN"] = FiveByEightCn,
        ["24X7"] = TwentyFourSeven,
        ["New York with a Sunday night shift"] = NewYorkWithNightShift,
    };

    private static readonly DateOnly FirstDate = new(2025, 1, 1);
    private const int DateRange = 4 * 365;

    private static readonly Gen<DateTimeOffset> AnyInstant =
        Gen.Long[At("2025-01-01T00:00Z").UtcTicks, At("2029-01-01T00:00Z").UtcTicks].Select(ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    private static readonly Gen<long> Target = Gen.Long[0, 150_000];

    public static TheoryData<string> ScheduleNames => [.. Schedules.Keys];

    [Theory]
    [MemberData(nameof(ScheduleNames))]
    public void From_a_working_instant_the_due_time_holds_exactly_the_target(string name)
    {
        var schedule = Schedules[name];
        Gen.Select(WorkingInstant(schedule), Target).Sample((start, minutes) =>
        {
            var due = schedule.AddBusinessMinutes(start, minutes);

            Assert.Equal(minutes, schedule.BusinessMinutesBetween(start, due));
            Assert.Equal(TimeSpan.FromMinutes(minutes), schedule.BusinessTimeBetween(start, due));
        });
    }

    [Theory]
    [MemberData(nameof(ScheduleNames))]
    public void From_any_instant_the_due_time_is_the_earliest_holding_the_target(string name)
    {
        var schedule = Schedules[name];
        Gen.Select(AnyInstant, Target).Sample((start, minutes) =>
        {
            var due = schedule.AddBusinessMinutes(start, minutes);

            Assert.Equal(TimeSpan.FromMinutes(minutes), schedule.BusinessTimeBetween(start, due));
            if (minutes > 0)
                Assert.True(schedule.BusinessTimeBetween(start, due.AddTicks(-1)) < TimeSpan.FromMinutes(minutes));
        });
    }

    [Theory]
    [MemberData(nameof(ScheduleNames))]
    public void Due_times_grow_with_the_start_and_with_the_target(string name)
    {
        var schedule = Schedules[name];
        Gen.Select(AnyInstant, AnyInstant, Target, Target).Sample((start1, start2, target1, target2) =>
        {
            var (earlyStart, lateStart) = start1 <= start2 ? (start1, start2) : (start2, start1);
            var (smallTarget, bigTarget) = (Math.Min(target1, target2), Math.Max(target1, target2));

            Assert.True(schedule.AddBusinessMinutes(earlyStart, smallTarget) <= schedule.AddBusinessMinutes(earlyStart, bigTarget));
            Assert.True(schedule.AddBusinessMinutes(earlyStart, smallTarget) <= schedule.AddBusinessMinutes(lateStart, smallTarget));
        });
    }

    [Theory]
    [MemberData(nameof(ScheduleNames))]
    public void Elapsed_business_time_is_monotonic_and_adds_up_over_split_spans(string name)
    {
        var schedule = Schedules[name];
        Gen.Select(AnyInstant, AnyInstant, AnyInstant).Sample((x, y, z) =>
        {
            DateTimeOffset[] sorted = [x, y, z];
            Array.Sort(sorted);
            var (a, b, c) = (sorted[0], sorted[1], sorted[2]);

            var whole = schedule.BusinessTimeBetween(a, c);
            Assert.Equal(whole, schedule.BusinessTimeBetween(a, b) + schedule.BusinessTimeBetween(b, c));
            Assert.True(schedule.BusinessMinutesBetween(a, b) <= schedule.BusinessMinutesBetween(a, c));
            Assert.True(schedule.BusinessMinutesBetween(b, c) <= schedule.BusinessMinutesBetween(a, c));
        });
    }

    [Theory]
    [MemberData(nameof(ScheduleNames))]
    public void Elapsed_business_time_matches_a_plain_day_by_day_count(string name)
    {
        var schedule = Schedules[name];
        Gen.Select(AnyInstant, Gen.Long[0, TimeSpan.FromDays(60).Ticks]).Sample((from, span) =>
        {
            var to = from.AddTicks(span);

            Assert.Equal(ReferenceBusinessTime.Between(schedule, from, to), schedule.BusinessTimeBetween(from, to));
        });
    }

    /// <summary>An instant inside a working interval: a local date, one of its intervals and a point within it.</summary>
    private static Gen<DateTimeOffset> WorkingInstant(WorkingSchedule schedule) =>
        Gen.Select(Gen.Int[0, DateRange], Gen.Int[0, int.MaxValue], Gen.Double[0, 1]).Select((dayIndex, pick, fraction) =>
        {
            var date = FirstDate.AddDays(dayIndex);
            while (schedule.IntervalsOn(date).Count == 0)
                date = date.AddDays(1);

            var intervals = schedule.IntervalsOn(date);
            var interval = intervals[pick % intervals.Count];
            var minute = interval.StartMinute + (fraction * (interval.DurationMinutes - 1));
            var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
            if (schedule.TimeZone.IsInvalidTime(local))
                local = local.AddHours(1);

            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, schedule.TimeZone), TimeSpan.Zero);
        });
}
