using ServiceDesk.Domain.ServiceLevels;
using static ServiceDesk.Domain.Tests.ServiceLevels.Calendars;

namespace ServiceDesk.Domain.Tests.ServiceLevels;

/// <summary>Business time counts real elapsed time on the days clocks change (domain.md section 2).</summary>
public class DaylightSavingTests
{
    private static readonly WorkingSchedule NewYorkSmallHours = EveryDay("America/New_York", Interval("00:00", "04:00"));
    private static readonly WorkingSchedule LondonSmallHours = EveryDay("Europe/London", Interval("00:00", "03:00"));

    [Fact]
    public void New_York_spring_forward_day_loses_the_skipped_hour()
    {
        // 2026-03-08 02:00 EST becomes 03:00 EDT: 00:00-04:00 local is 05:00Z-08:00Z.
        var midnight = At("2026-03-08T00:00-05:00");

        Assert.Equal(180, NewYorkSmallHours.BusinessMinutesBetween(midnight, At("2026-03-08T12:00-04:00")));
        Assert.Equal(At("2026-03-08T08:00:00Z"), NewYorkSmallHours.AddBusinessMinutes(midnight, 180));
        Assert.Equal(At("2026-03-08T03:00-04:00"), NewYorkSmallHours.AddBusinessMinutes(midnight, 120));
        Assert.Equal(At("2026-03-09T00:01-04:00"), NewYorkSmallHours.AddBusinessMinutes(midnight, 181));
    }

    [Fact]
    public void New_York_fall_back_day_counts_the_repeated_hour_twice()
    {
        // 2026-11-01 02:00 EDT becomes 01:00 EST: 00:00-04:00 local is 04:00Z-09:00Z.
        var midnight = At("2026-11-01T00:00-04:00");

        Assert.Equal(300, NewYorkSmallHours.BusinessMinutesBetween(midnight, At("2026-11-01T12:00-05:00")));
        Assert.Equal(At("2026-11-01T09:00:00Z"), NewYorkSmallHours.AddBusinessMinutes(midnight, 300));
        Assert.Equal(At("2026-11-01T01:30-04:00"), NewYorkSmallHours.AddBusinessMinutes(midnight, 90));
        Assert.Equal(At("2026-11-01T01:30-05:00"), NewYorkSmallHours.AddBusinessMinutes(midnight, 150));
        Assert.Equal(At("2026-11-02T00:01-05:00"), NewYorkSmallHours.AddBusinessMinutes(midnight, 301));
    }

    [Fact]
    public void London_spring_forward_day_loses_the_skipped_hour()
    {
        // 2026-03-29 01:00 GMT becomes 02:00 BST: 00:00-03:00 local is 00:00Z-02:00Z.
        var midnight = At("2026-03-29T00:00+00:00");

        Assert.Equal(120, LondonSmallHours.BusinessMinutesBetween(midnight, At("2026-03-29T12:00+01:00")));
        Assert.Equal(At("2026-03-29T02:00:00Z"), LondonSmallHours.AddBusinessMinutes(midnight, 120));
        Assert.Equal(At("2026-03-29T02:30+01:00"), LondonSmallHours.AddBusinessMinutes(midnight, 90));
    }

    [Fact]
    public void London_fall_back_day_counts_the_repeated_hour_twice()
    {
        // 2026-10-25 02:00 BST becomes 01:00 GMT: 00:00-03:00 local is 23:00Z (24 Oct) to 03:00Z.
        var midnight = At("2026-10-25T00:00+01:00");

        Assert.Equal(240, LondonSmallHours.BusinessMinutesBetween(midnight, At("2026-10-25T12:00+00:00")));
        Assert.Equal(At("2026-10-25T03:00:00Z"), LondonSmallHours.AddBusinessMinutes(midnight, 240));
        Assert.Equal(At("2026-10-25T01:30+00:00"), LondonSmallHours.AddBusinessMinutes(midnight, 150));
    }

    [Fact]
    public void Whole_weeks_that_contain_a_switch_count_real_time()
    {
        // Two weeks around each switch, seven 4-hour days each: one hour short in March, one over in November.
        Assert.Equal((14 * 240) - 60, NewYorkSmallHours.BusinessMinutesBetween(At("2026-03-02T00:00-05:00"), At("2026-03-16T00:00-04:00")));
        Assert.Equal((14 * 240) + 60, NewYorkSmallHours.BusinessMinutesBetween(At("2026-10-26T00:00-04:00"), At("2026-11-09T00:00-05:00")));
        Assert.Equal(At("2026-03-16T04:00-04:00"), NewYorkSmallHours.AddBusinessMinutes(At("2026-03-02T00:00-05:00"), (15 * 240) - 60));
        Assert.Equal(At("2026-11-09T04:00-05:00"), NewYorkSmallHours.AddBusinessMinutes(At("2026-10-26T00:00-04:00"), (15 * 240) + 60));
    }

    [Fact]
    public void An_interval_starting_in_the_skipped_hour_starts_right_after_the_gap()
    {
        var schedule = EveryDay("America/New_York", Interval("02:30", "05:00"));

        Assert.Equal(120, schedule.BusinessMinutesBetween(At("2026-03-08T00:00-05:00"), At("2026-03-09T00:00-04:00")));
        Assert.Equal(At("2026-03-08T03:01-04:00"), schedule.AddBusinessMinutes(At("2026-03-08T00:00-05:00"), 1));
    }

    [Fact]
    public void An_interval_ending_in_the_skipped_hour_ends_right_after_the_gap()
    {
        var schedule = EveryDay("America/New_York", Interval("01:00", "02:30"));

        Assert.Equal(60, schedule.BusinessMinutesBetween(At("2026-03-08T00:00-05:00"), At("2026-03-09T00:00-04:00")));
        Assert.Equal(At("2026-03-08T03:00-04:00"), schedule.AddBusinessMinutes(At("2026-03-08T00:00-05:00"), 60));
    }

    [Fact]
    public void An_ambiguous_start_takes_the_earlier_instant_and_an_ambiguous_end_the_later_one()
    {
        var startsInRepeatedHour = EveryDay("America/New_York", Interval("01:30", "03:00"));
        var endsInRepeatedHour = EveryDay("America/New_York", Interval("00:00", "01:30"));
        var day = At("2026-11-01T00:00-04:00");
        var nextDay = At("2026-11-02T00:00-05:00");

        Assert.Equal(150, startsInRepeatedHour.BusinessMinutesBetween(day, nextDay));
        Assert.Equal(At("2026-11-01T01:31-04:00"), startsInRepeatedHour.AddBusinessMinutes(day, 1));
        Assert.Equal(150, endsInRepeatedHour.BusinessMinutesBetween(day, nextDay));
        Assert.Equal(At("2026-11-01T01:30-05:00"), endsInRepeatedHour.AddBusinessMinutes(day, 150));
    }

    [Fact]
    public void Touching_intervals_around_the_repeated_hour_count_each_instant_once()
    {
        var split = EveryDay("America/New_York", Interval("00:00", "01:30"), Interval("01:30", "04:00"));
        var day = At("2026-11-01T00:00-04:00");

        Assert.Equal(300, split.BusinessMinutesBetween(day, At("2026-11-02T00:00-05:00")));
        Assert.Equal(At("2026-11-01T04:00-05:00"), split.AddBusinessMinutes(day, 300));
    }

    [Fact]
    public void An_office_week_across_the_switch_keeps_its_local_hours()
    {
        // 09:00-17:00 on weekdays: the switch happens on Sunday night, so the due time is 16:00 local (now EDT).
        var office = new WorkingSchedule("America/New_York", Weekdays(Interval("09:00", "17:00")));

        Assert.Equal(At("2026-03-13T16:00-04:00"), office.AddBusinessMinutes(At("2026-03-06T16:00-05:00"), 2_400));
        Assert.Equal(2_400, office.BusinessMinutesBetween(At("2026-03-06T16:00-05:00"), At("2026-03-13T16:00-04:00")));
    }

    [Fact]
    public void A_long_span_across_several_switches_matches_a_plain_day_by_day_count()
    {
        var from = At("2025-06-15T10:17+00:00");
        var to = At("2028-02-03T08:00+00:00");

        Assert.Equal(ReferenceBusinessTime.Between(NewYorkWithNightShift, from, to), NewYorkWithNightShift.BusinessTimeBetween(from, to));
        Assert.Equal(ReferenceBusinessTime.Between(LondonSmallHours, from, to), LondonSmallHours.BusinessTimeBetween(from, to));
    }
}
