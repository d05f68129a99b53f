using System.Globalization;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Domain.Tests.ServiceLevels;

/// <summary>The calendars of service-levels.json, plus daylight-saving ones, for the business-time tests.</summary>
internal static class Calendars
{
    public static readonly WorkingSchedule TwentyFourSeven = WorkingSchedule.TwentyFourSeven("Asia/Shanghai");

    public static readonly WorkingSchedule SevenByTwelveCn = new(
        "Asia/Shanghai",
        Days(Enum.GetValues<DayOfWeek>(), Interval("08:00", "20:00")));

    /// <summary>5X8-CN with the sample holidays (2026 New Year, National Day) and make-up days of the spec.</summary>
    public static readonly WorkingSchedule FiveByEightCn = new(
        "Asia/Shanghai",
        Weekdays(Interval("09:00", "12:00"), Interval("13:00", "18:00")),
        holidays: Dates("2026-01-01", "2026-01-02", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"),
        extraWorkingDays: new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>
        {
            [Date("2026-01-04")] = [],
            [Date("2026-10-10")] = [],
        });

    /// <summary>An office in New York with a Sunday night shift that spans both daylight-saving switches (02:00 local).</summary>
    public static readonly WorkingSchedule NewYorkWithNightShift = new(
        "America/New_York",
        new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>(Weekdays(Interval("09:00", "17:00")))
        {
            [DayOfWeek.Sunday] = [Interval("00:30", "03:30")],
        },
        holidays: Dates("2026-07-03", "2026-11-26"),
        extraWorkingDays: new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>
        {
            [Date("2026-11-28")] = [Interval("10:00", "14:00")],
        });

    public static WorkingInterval Interval(string start, string end) => WorkingInterval.Parse(start, end);

    public static Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> Weekdays(params WorkingInterval[] intervals) =>
        Days([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], intervals);

    public static Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> Days(IEnumerable<DayOfWeek> days, params WorkingInterval[] intervals) =>
        days.ToDictionary(day => day, _ => (IReadOnlyList<WorkingInterval>)intervals);

    public static WorkingSchedule EveryDay(string timeZoneId, params WorkingInterval[] intervals) =>
        new(timeZoneId, Days(Enum.GetValues<DayOfWeek>(), intervals));

    /// <summary>An instant written with its local offset, e.g. "2026-03-06T17:00+08:00".</summary>
    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly[] Dates(params string[] isos) => [.. isos.Select(Date)];
}
