using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.ServiceLevels;
using static ServiceDesk.Domain.Tests.ServiceLevels.Calendars;

namespace ServiceDesk.Domain.Tests.ServiceLevels;

/// <summary>What makes a valid working schedule.</summary>
public class WorkingScheduleTests
{
    [Fact]
    public void A_schedule_with_no_working_time_in_the_week_is_refused()
    {
        var exception = Assert.Throws<DomainException>(() => new WorkingSchedule(
            "Asia/Shanghai",
            new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> { [DayOfWeek.Monday] = [] },
            extraWorkingDays: new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>> { [Date("2026-10-10")] = [Interval("09:00", "12:00")] }));

        Assert.Equal("weekly", exception.Field);
    }

    [Fact]
    public void Overlapping_intervals_are_refused() =>
        Assert.Throws<DomainException>(() => new WorkingSchedule(
            "Asia/Shanghai",
            Weekdays(Interval("09:00", "12:30"), Interval("12:00", "18:00"))));

    [Fact]
    public void Intervals_out_of_order_are_refused() =>
        Assert.Throws<DomainException>(() => new WorkingSchedule(
            "Asia/Shanghai",
            Weekdays(Interval("13:00", "18:00"), Interval("09:00", "13:00"))));

    [Fact]
    public void Touching_intervals_in_order_are_accepted()
    {
        var schedule = new WorkingSchedule("Asia/Shanghai", Weekdays(Interval("09:00", "13:00"), Interval("13:00", "18:00")));

        Assert.Equal(5 * 540, schedule.WeeklyWorkingMinutes);
        Assert.Equal(At("2026-03-09T13:30+08:00"), schedule.AddBusinessMinutes(At("2026-03-09T12:30+08:00"), 60));
    }

    [Fact]
    public void A_default_interval_is_refused() =>
        Assert.Throws<DomainException>(() => new WorkingSchedule("Asia/Shanghai", Weekdays(default(WorkingInterval))));

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void An_unknown_time_zone_is_refused(string timeZoneId)
    {
        var exception = Assert.Throws<DomainException>(() => WorkingSchedule.TwentyFourSeven(timeZoneId));

        Assert.Equal("timeZone", exception.Field);
    }

    [Fact]
    public void A_date_cannot_be_both_a_holiday_and_an_extra_working_day() =>
        Assert.Throws<DomainException>(() => new WorkingSchedule(
            "Asia/Shanghai",
            Weekdays(Interval("09:00", "18:00")),
            holidays: [Date("2026-10-10")],
            extraWorkingDays: new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>> { [Date("2026-10-10")] = [] }));

    [Fact]
    public void The_schedule_reports_its_effective_days()
    {
        Assert.Equal("Asia/Shanghai", FiveByEightCn.TimeZoneId);
        Assert.Equal(2_400, FiveByEightCn.WeeklyWorkingMinutes);
        Assert.Empty(FiveByEightCn.WeeklyIntervals[DayOfWeek.Saturday]);
        Assert.Equal(2, FiveByEightCn.WeeklyIntervals[DayOfWeek.Monday].Count);
        Assert.Empty(FiveByEightCn.IntervalsOn(Date("2026-10-01")));
        Assert.Contains(Date("2026-10-07"), FiveByEightCn.Holidays);
        Assert.Equal(FiveByEightCn.WeeklyIntervals[DayOfWeek.Monday], FiveByEightCn.ExtraWorkingDays[Date("2026-01-04")]);
        Assert.Equal(7 * 1440, TwentyFourSeven.WeeklyWorkingMinutes);
    }

    [Fact]
    public void Schedules_with_the_same_rules_are_equal()
    {
        var first = new WorkingSchedule("Asia/Shanghai", Weekdays(Interval("09:00", "18:00")), holidays: [Date("2026-10-01")]);
        var same = new WorkingSchedule("Asia/Shanghai", Weekdays(Interval("09:00", "18:00")), holidays: [Date("2026-10-01")]);
        var otherHoliday = new WorkingSchedule("Asia/Shanghai", Weekdays(Interval("09:00", "18:00")), holidays: [Date("2026-10-02")]);

        Assert.Equal(first, same);
        Assert.Equal(first.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(first, otherHoliday);
        Assert.NotEqual(first, FiveByEightCn);
    }
}
