using ServiceDesk.Domain.ServiceLevels;
using static ServiceDesk.Domain.Tests.ServiceLevels.Calendars;

namespace ServiceDesk.Domain.Tests.ServiceLevels;

/// <summary>Due times and elapsed business time on the calendars of service-levels.json (domain.md section 5).</summary>
public class BusinessTimeTests
{
    [Fact]
    public void Silver_P3_resolution_opened_Friday_17_00_is_due_the_next_Friday_17_00()
    {
        // 1 h on Friday, 4 x 8 h Monday to Thursday, then 3 h + 4 h on the next Friday: 60 + 1,920 + 420 = 2,400.
        var due = FiveByEightCn.AddBusinessMinutes(At("2026-03-06T17:00+08:00"), 2_400);

        Assert.Equal(At("2026-03-13T09:00:00Z"), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void The_due_time_is_returned_in_UTC_whatever_offset_the_start_carries()
    {
        var due = FiveByEightCn.AddBusinessMinutes(At("2026-03-09T01:00+00:00").ToOffset(TimeSpan.FromHours(-7)), 60);

        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 2, 0, 0, TimeSpan.Zero), due);
    }

    [Theory]
    [InlineData("2026-03-09T09:00+08:00", 480, "2026-03-09T18:00+08:00")]
    [InlineData("2026-03-09T17:00+08:00", 60, "2026-03-09T18:00+08:00")]
    [InlineData("2026-03-09T11:00+08:00", 60, "2026-03-09T12:00+08:00")]
    [InlineData("2026-03-06T17:00+08:00", 60, "2026-03-06T18:00+08:00")]
    public void A_target_used_up_at_the_end_of_an_interval_is_due_at_that_end(string start, long minutes, string expected) =>
        Assert.Equal(At(expected), FiveByEightCn.AddBusinessMinutes(At(start), minutes));

    [Theory]
    [InlineData("2026-03-09T11:30+08:00", 60, "2026-03-09T13:30+08:00")]
    [InlineData("2026-03-09T11:59+08:00", 2, "2026-03-09T13:01+08:00")]
    [InlineData("2026-03-09T09:00+08:00", 181, "2026-03-09T13:01+08:00")]
    public void The_lunch_break_is_skipped(string start, long minutes, string expected) =>
        Assert.Equal(At(expected), FiveByEightCn.AddBusinessMinutes(At(start), minutes));

    [Theory]
    [InlineData("2026-03-09T07:00+08:00", 60, "2026-03-09T10:00+08:00")] // before 09:00
    [InlineData("2026-03-09T12:30+08:00", 60, "2026-03-09T14:00+08:00")] // in the lunch break
    [InlineData("2026-03-09T12:00+08:00", 1, "2026-03-09T13:01+08:00")] // at the end of the morning
    [InlineData("2026-03-09T19:00+08:00", 60, "2026-03-10T10:00+08:00")] // after 18:00
    [InlineData("2026-03-07T10:00+08:00", 60, "2026-03-09T10:00+08:00")] // on Saturday
    [InlineData("2026-03-08T23:59+08:00", 1, "2026-03-09T09:01+08:00")] // late on Sunday
    public void A_ticket_opened_outside_working_hours_counts_from_the_next_working_minute(string start, long minutes, string expected) =>
        Assert.Equal(At(expected), FiveByEightCn.AddBusinessMinutes(At(start), minutes));

    [Fact]
    public void A_ticket_opened_on_a_holiday_counts_from_the_first_working_day_after_it()
    {
        // National Day: 1, 2, 5, 6 and 7 October are holidays, 3 and 4 are the weekend.
        var due = FiveByEightCn.AddBusinessMinutes(At("2026-10-01T10:00+08:00"), 60);

        Assert.Equal(At("2026-10-08T10:00+08:00"), due);
    }

    [Fact]
    public void Holidays_are_skipped_and_the_make_up_Saturday_is_worked()
    {
        // 30 Sep 1 h; 8, 9, 10 (make-up Saturday) and 12 Oct 4 x 8 h; 13 Oct 3 h + 4 h: 60 + 1,920 + 420 = 2,400.
        var due = FiveByEightCn.AddBusinessMinutes(At("2026-09-30T17:00+08:00"), 2_400);

        Assert.Equal(At("2026-10-13T17:00+08:00"), due);
        Assert.Equal(2_400, FiveByEightCn.BusinessMinutesBetween(At("2026-09-30T17:00+08:00"), due));
    }

    [Fact]
    public void An_extra_working_day_given_no_hours_of_its_own_works_an_ordinary_Mondays_hours()
    {
        var saturday = Date("2026-10-10");

        Assert.Equal(FiveByEightCn.IntervalsOn(Date("2026-10-12")), FiveByEightCn.IntervalsOn(saturday));
        Assert.Equal(480, FiveByEightCn.BusinessMinutesBetween(At("2026-10-10T00:00+08:00"), At("2026-10-11T00:00+08:00")));
        Assert.Equal(At("2026-10-10T10:00+08:00"), FiveByEightCn.AddBusinessMinutes(At("2026-10-09T17:00+08:00"), 120));
        Assert.Equal(At("2026-10-10T13:30+08:00"), FiveByEightCn.AddBusinessMinutes(At("2026-10-10T06:00+08:00"), 210));
    }

    [Fact]
    public void An_extra_working_day_with_hours_of_its_own_works_those_hours()
    {
        var schedule = new WorkingSchedule(
            "Asia/Shanghai",
            Weekdays(Interval("09:00", "12:00"), Interval("13:00", "18:00")),
            extraWorkingDays: new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>
            {
                [Date("2026-10-10")] = [Interval("10:00", "12:00")],
            });

        Assert.Equal(120, schedule.BusinessMinutesBetween(At("2026-10-10T00:00+08:00"), At("2026-10-11T00:00+08:00")));
        Assert.Equal(At("2026-10-12T09:30+08:00"), schedule.AddBusinessMinutes(At("2026-10-09T17:30+08:00"), 180));
    }

    [Fact]
    public void Holidays_fall_out_of_elapsed_business_time()
    {
        // Monday 28 Sep to Monday 12 Oct 2026: 10 weekdays, 5 of them holidays, plus the make-up Saturday:
        // 28-30 Sep, 8-9 Oct and 10 Oct.
        var elapsed = FiveByEightCn.BusinessMinutesBetween(At("2026-09-28T00:00+08:00"), At("2026-10-12T00:00+08:00"));

        Assert.Equal(6 * 480, elapsed);
    }

    [Fact]
    public void Counting_runs_over_the_year_boundary()
    {
        // 1 January 2027 is a Friday and not among the sample holidays: 31 Dec 1 h, 1 Jan 8 h, 4 Jan 1 h.
        Assert.Equal(At("2027-01-04T10:00+08:00"), FiveByEightCn.AddBusinessMinutes(At("2026-12-31T17:00+08:00"), 600));

        var withNewYear = new WorkingSchedule(
            "Asia/Shanghai",
            Weekdays(Interval("09:00", "12:00"), Interval("13:00", "18:00")),
            holidays: [Date("2027-01-01")]);
        Assert.Equal(At("2027-01-05T10:00+08:00"), withNewYear.AddBusinessMinutes(At("2026-12-31T17:00+08:00"), 600));
        Assert.Equal(600, withNewYear.BusinessMinutesBetween(At("2026-12-31T17:00+08:00"), At("2027-01-05T10:00+08:00")));
    }

    [Theory]
    [InlineData("2026-03-06T17:00+08:00", 1)]
    [InlineData("2026-03-07T03:17:42+08:00", 4_327)]
    [InlineData("2026-12-31T23:59+08:00", 100_000)]
    public void On_the_24x7_calendar_business_minutes_are_clock_minutes(string start, long minutes)
    {
        var from = At(start);
        var due = TwentyFourSeven.AddBusinessMinutes(from, minutes);

        Assert.Equal(from.AddMinutes(minutes), due);
        Assert.Equal(minutes, TwentyFourSeven.BusinessMinutesBetween(from, due));
    }

    [Fact]
    public void The_7x12_calendar_works_every_day_from_08_00_to_20_00()
    {
        Assert.Equal(At("2026-03-08T08:30+08:00"), SevenByTwelveCn.AddBusinessMinutes(At("2026-03-07T19:30+08:00"), 60));
        Assert.Equal(7 * 720, SevenByTwelveCn.BusinessMinutesBetween(At("2026-03-02T00:00+08:00"), At("2026-03-09T00:00+08:00")));
    }

    [Fact]
    public void A_target_of_100_000_minutes_on_5x8_crosses_the_National_Day_holidays()
    {
        var start = At("2026-03-06T17:00+08:00");

        var due = FiveByEightCn.AddBusinessMinutes(start, 100_000);

        // About 42 weeks of 8-hour working days: the due time is checked against a plain day-by-day count.
        Assert.Equal(100_000, FiveByEightCn.BusinessMinutesBetween(start, due));
        Assert.Equal(ReferenceBusinessTime.Between(FiveByEightCn, start, due), FiveByEightCn.BusinessTimeBetween(start, due));
        Assert.True(FiveByEightCn.BusinessTimeBetween(start, due.AddTicks(-1)) < TimeSpan.FromMinutes(100_000));
    }

    [Theory]
    [InlineData("2026-03-09T10:00+08:00")]
    [InlineData("2026-03-07T10:00+08:00")]
    public void A_zero_target_is_due_at_the_start_even_outside_working_time(string start) =>
        Assert.Equal(At(start), FiveByEightCn.AddBusinessMinutes(At(start), 0));

    [Fact]
    public void A_negative_target_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FiveByEightCn.AddBusinessMinutes(At("2026-03-09T10:00+08:00"), -1));

    [Fact]
    public void No_business_time_lies_between_an_instant_and_an_earlier_one()
    {
        Assert.Equal(0, FiveByEightCn.BusinessMinutesBetween(At("2026-03-10T10:00+08:00"), At("2026-03-09T10:00+08:00")));
        Assert.Equal(0, FiveByEightCn.BusinessMinutesBetween(At("2026-03-10T10:00+08:00"), At("2026-03-10T10:00+08:00")));
        Assert.Equal(TimeSpan.Zero, TwentyFourSeven.BusinessTimeBetween(At("2026-03-10T10:00+08:00"), At("2026-03-09T10:00+08:00")));
    }

    [Fact]
    public void Elapsed_business_time_is_exact_and_whole_minutes_are_rounded_down()
    {
        var from = At("2026-03-09T09:00+08:00");
        var to = from.AddSeconds(119);

        Assert.Equal(TimeSpan.FromSeconds(119), FiveByEightCn.BusinessTimeBetween(from, to));
        Assert.Equal(1, FiveByEightCn.BusinessMinutesBetween(from, to));
        Assert.Equal(TimeSpan.FromMinutes(30), FiveByEightCn.BusinessTimeBetween(At("2026-03-09T11:30+08:00"), At("2026-03-09T13:00+08:00")));
    }

    [Fact]
    public void Elapsed_business_time_from_Friday_17_00_to_the_next_Friday_17_00_is_five_days()
    {
        Assert.Equal(2_400, FiveByEightCn.BusinessMinutesBetween(At("2026-03-06T17:00+08:00"), At("2026-03-13T17:00+08:00")));
        Assert.Equal(2_400 * 4, FiveByEightCn.BusinessMinutesBetween(At("2026-03-06T17:00+08:00"), At("2026-04-03T17:00+08:00")));
    }
}
