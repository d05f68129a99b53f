using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.ServiceLevels;
using static ServiceDesk.Domain.Tests.ServiceLevels.Calendars;

namespace ServiceDesk.Domain.Tests.ServiceLevels;

/// <summary>The business calendar aggregate: what it accepts, what it refuses, and that it computes what the engine does.</summary>
public class BusinessCalendarTests
{
    private static BusinessCalendar FiveByEight() => new(
        "5X8-CN",
        "Working days",
        "Asia/Shanghai",
        Weekdays(Interval("09:00", "12:00"), Interval("13:00", "18:00")),
        Dates("2026-10-01", "2026-10-02"),
        [new ExtraWorkingDay(Date("2026-10-10"), [])]);

    [Fact]
    public void A_calendar_computes_the_due_times_of_its_schedule()
    {
        var schedule = FiveByEight().ToSchedule();

        Assert.Equal(At("2026-03-13T09:00:00Z"), schedule.AddBusinessMinutes(At("2026-03-06T17:00+08:00"), 2_400));
        // 1 and 2 October are holidays, 3 and 4 the weekend: counting starts on Monday the 5th.
        Assert.Equal(At("2026-10-05T10:00+08:00"), schedule.AddBusinessMinutes(At("2026-10-01T10:00+08:00"), 60));
    }

    [Fact]
    public void Every_weekday_is_listed_and_a_day_without_hours_is_off()
    {
        var calendar = FiveByEight();

        Assert.Equal(7, calendar.Weekly.Count);
        Assert.Empty(calendar.Weekly[DayOfWeek.Saturday]);
        Assert.Equal(2_400, calendar.WeeklyWorkingMinutes);
    }

    [Fact]
    public void Intervals_given_out_of_order_are_put_in_order()
    {
        var calendar = new BusinessCalendar("C", "C", "UTC", Weekdays(Interval("13:00", "18:00"), Interval("09:00", "12:00")));

        Assert.Equal([Interval("09:00", "12:00"), Interval("13:00", "18:00")], calendar.Weekly[DayOfWeek.Monday]);
    }

    [Fact]
    public void Overlapping_intervals_are_refused_naming_the_weekday()
    {
        var exception = Assert.Throws<DomainException>(() =>
            new BusinessCalendar("C", "C", "UTC", Weekdays(Interval("09:00", "12:30"), Interval("12:00", "18:00"))));

        Assert.Equal("weekly.Mon", exception.Field);
    }

    [Fact]
    public void A_calendar_with_no_working_time_in_the_week_is_refused()
    {
        var exception = Assert.Throws<DomainException>(() =>
            new BusinessCalendar("C", "C", "UTC", new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> { [DayOfWeek.Monday] = [] }));

        Assert.Equal("weekly", exception.Field);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("China Standard Time")]
    [InlineData("")]
    public void Only_known_IANA_time_zones_are_accepted(string timeZone)
    {
        var exception = Assert.Throws<DomainException>(() => new BusinessCalendar("C", "C", timeZone, Weekdays(Interval("09:00", "17:00"))));

        Assert.Equal("timeZone", exception.Field);
    }

    [Fact]
    public void A_date_cannot_be_both_a_holiday_and_an_extra_working_day()
    {
        var exception = Assert.Throws<DomainException>(() => new BusinessCalendar(
            "C", "C", "UTC", Weekdays(Interval("09:00", "17:00")), Dates("2026-10-10"), [new ExtraWorkingDay(Date("2026-10-10"), [])]));

        Assert.Equal("extraWorkingDays", exception.Field);
    }

    [Fact]
    public void A_refused_update_leaves_the_calendar_as_it_was()
    {
        var calendar = FiveByEight();

        Assert.Throws<DomainException>(() => calendar.Update("Renamed", "Nowhere/Else", Weekdays(Interval("08:00", "20:00")), [], []));

        Assert.Equal("Working days", calendar.Name);
        Assert.Equal("Asia/Shanghai", calendar.TimeZone);
        Assert.Equal(2_400, calendar.WeeklyWorkingMinutes);
    }

    [Fact]
    public void An_extra_working_day_without_hours_works_a_Mondays_hours_and_one_with_hours_works_its_own()
    {
        var calendar = FiveByEight();
        calendar.SetExtraWorkingDay(Date("2026-10-11"), [Interval("10:00", "12:00")]);
        var schedule = calendar.ToSchedule();

        Assert.Equal(480, schedule.BusinessMinutesBetween(At("2026-10-10T00:00+08:00"), At("2026-10-11T00:00+08:00")));
        Assert.Equal(120, schedule.BusinessMinutesBetween(At("2026-10-11T00:00+08:00"), At("2026-10-12T00:00+08:00")));
        Assert.True(calendar.ExtraWorkingDays[0].UsesMondayHours);
    }

    [Fact]
    public void Adding_a_holiday_takes_the_day_off_and_adding_it_again_changes_nothing()
    {
        var calendar = FiveByEight();

        Assert.True(calendar.AddHoliday(Date("2026-03-09")));
        Assert.False(calendar.AddHoliday(Date("2026-03-09")));

        Assert.Equal(0, calendar.ToSchedule().BusinessMinutesBetween(At("2026-03-09T00:00+08:00"), At("2026-03-10T00:00+08:00")));
        Assert.Equal(Dates("2026-03-09", "2026-10-01", "2026-10-02"), calendar.Holidays);
    }

    [Fact]
    public void A_holiday_on_an_extra_working_day_is_a_conflict_until_the_extra_day_is_removed()
    {
        var calendar = FiveByEight();

        var exception = Assert.Throws<DomainException>(() => calendar.AddHoliday(Date("2026-10-10")));
        Assert.Equal(DomainErrorKind.Conflict, exception.Kind);
        Assert.Equal("calendar-date-conflict", exception.Rule);

        Assert.True(calendar.RemoveExtraWorkingDay(Date("2026-10-10")));
        Assert.True(calendar.AddHoliday(Date("2026-10-10")));
    }

    [Fact]
    public void An_extra_working_day_on_a_holiday_is_a_conflict() =>
        Assert.Equal(
            DomainErrorKind.Conflict,
            Assert.Throws<DomainException>(() => FiveByEight().SetExtraWorkingDay(Date("2026-10-01"), [])).Kind);

    [Fact]
    public void Removing_a_date_that_is_not_there_reports_it()
    {
        var calendar = FiveByEight();

        Assert.False(calendar.RemoveHoliday(Date("2026-12-25")));
        Assert.False(calendar.RemoveExtraWorkingDay(Date("2026-12-26")));
    }

    [Fact]
    public void Setting_the_hours_of_an_extra_working_day_again_replaces_them()
    {
        var calendar = FiveByEight();

        calendar.SetExtraWorkingDay(Date("2026-10-10"), [Interval("10:00", "14:00")]);

        var day = Assert.Single(calendar.ExtraWorkingDays);
        Assert.Equal([Interval("10:00", "14:00")], day.Hours);
    }

    [Fact]
    public void Twenty_four_seven_is_every_day_from_midnight_to_midnight()
    {
        var calendar = new BusinessCalendar("24X7", "Around the clock", "Asia/Shanghai", Days(Enum.GetValues<DayOfWeek>(), Interval("00:00", "24:00")));

        Assert.Equal(7 * 24 * 60, calendar.WeeklyWorkingMinutes);
        Assert.Equal(At("2026-11-24T03:00:00Z"), calendar.ToSchedule().AddBusinessMinutes(At("2026-11-24T01:00:00Z"), 120));
    }

    [Fact]
    public void Weekday_names_are_the_three_letter_ones()
    {
        Assert.Equal("Mon", global::ServiceDesk.Domain.ServiceLevels.Weekdays.Name(DayOfWeek.Monday));
        Assert.True(global::ServiceDesk.Domain.ServiceLevels.Weekdays.TryParse("Sun", out var sunday));
        Assert.Equal(DayOfWeek.Sunday, sunday);
        Assert.False(global::ServiceDesk.Domain.ServiceLevels.Weekdays.TryParse("mon", out _));
        Assert.False(global::ServiceDesk.Domain.ServiceLevels.Weekdays.TryParse("Monday", out _));
    }
}
