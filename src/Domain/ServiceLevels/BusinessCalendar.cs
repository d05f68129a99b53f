using System.Globalization;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.ServiceLevels;

/// <summary>
/// A business calendar (24X7, 5X8-CN, ...): the working time SLA targets are measured in. It holds an IANA time zone,
/// working intervals per weekday (several a day, e.g. around a lunch break), holidays (dates that are off) and extra
/// working days (dates normally off that are worked; an ordinary Monday's hours unless given their own).
/// </summary>
/// <remarks>
/// Every change is checked by building the <see cref="WorkingSchedule"/> it describes, so a calendar that could not
/// compute a due time (unknown zone, overlapping intervals, no working time in the week) is never saved.
/// </remarks>
public sealed class BusinessCalendar : Entity
{
    public const int NameMaxLength = 200;
    public const int TimeZoneMaxLength = 64;
    public const int MaxIntervalsPerDay = 24;

    /// <summary>Upper bound for holidays and for extra working days, each (years of public holidays fit easily).</summary>
    public const int MaxSpecialDays = 1000;

    private BusinessCalendar()
    {
        Code = Name = TimeZone = string.Empty;
    }

    public BusinessCalendar(
        string code,
        string name,
        string timeZone,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> weekly,
        IEnumerable<DateOnly>? holidays = null,
        IEnumerable<ExtraWorkingDay>? extraWorkingDays = null)
    {
        Code = Guard.Code(code);
        Name = TimeZone = string.Empty;
        Update(name, timeZone, weekly, holidays ?? [], extraWorkingDays ?? []);
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>IANA time-zone id, e.g. <c>Asia/Shanghai</c>.</summary>
    public string TimeZone { get; private set; }

    /// <summary>All seven weekdays, each with its working intervals in order (none: a day off).</summary>
    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> Weekly { get; private set; } = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();

    /// <summary>Dates that are off whatever their weekday, in date order.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; private set; } = [];

    /// <summary>Dates that are worked whatever their weekday, in date order.</summary>
    public IReadOnlyList<ExtraWorkingDay> ExtraWorkingDays { get; private set; } = [];

    /// <summary>Wall-clock working minutes of an ordinary week.</summary>
    public long WeeklyWorkingMinutes => Weekly.Values.Sum(day => day.Sum(interval => (long)interval.DurationMinutes));

    /// <summary>Replaces everything but the code; nothing changes unless the whole calendar is valid.</summary>
    public void Update(
        string name,
        string timeZone,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> weekly,
        IEnumerable<DateOnly> holidays,
        IEnumerable<ExtraWorkingDay> extraWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(extraWorkingDays);

        var newName = Guard.Required(name, "name", NameMaxLength);
        var newZone = CheckedTimeZone(timeZone);
        var newWeekly = CheckedWeekly(weekly);
        var newHolidays = CheckedHolidays(holidays);
        var newExtras = CheckedExtraWorkingDays(extraWorkingDays, newHolidays);
        _ = BuildSchedule(newZone, newWeekly, newHolidays, newExtras);

        Name = newName;
        TimeZone = newZone;
        Weekly = newWeekly;
        Holidays = newHolidays;
        ExtraWorkingDays = newExtras;
    }

    /// <summary>Makes a date a holiday; a date that is a holiday already stays one. An extra working day must be removed first.</summary>
    /// <returns>False when the date was a holiday already (nothing changed).</returns>
    public bool AddHoliday(DateOnly date)
    {
        if (Holidays.Contains(date))
            return false;
        if (ExtraWorkingDays.Any(d => d.Date == date))
            throw DateConflict(date, "an extra working day", "holiday");
        if (Holidays.Count >= MaxSpecialDays)
            throw DomainException.Invalid("holidays", $"A calendar holds at most {MaxSpecialDays} holidays.");

        Holidays = [.. Holidays.Append(date).Order()];
        return true;
    }

    /// <returns>False when the date was not a holiday.</returns>
    public bool RemoveHoliday(DateOnly date)
    {
        if (!Holidays.Contains(date))
            return false;
        Holidays = [.. Holidays.Where(d => d != date)];
        return true;
    }

    /// <summary>
    /// Makes a date an extra working day with <paramref name="hours"/> (none: an ordinary Monday's), or changes the
    /// hours of one that is already. A holiday must be removed first.
    /// </summary>
    public void SetExtraWorkingDay(DateOnly date, IReadOnlyList<WorkingInterval> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (Holidays.Contains(date))
            throw DateConflict(date, "a holiday", "extra working day");

        var others = ExtraWorkingDays.Where(d => d.Date != date).ToList();
        if (others.Count >= MaxSpecialDays)
            throw DomainException.Invalid("extraWorkingDays", $"A calendar holds at most {MaxSpecialDays} extra working days.");
        var day = new ExtraWorkingDay(date, CheckedIntervals(hours, "hours"));
        ExtraWorkingDays = [.. others.Append(day).OrderBy(d => d.Date)];
    }

    /// <returns>False when the date was not an extra working day.</returns>
    public bool RemoveExtraWorkingDay(DateOnly date)
    {
        if (ExtraWorkingDays.All(d => d.Date != date))
            return false;
        ExtraWorkingDays = [.. ExtraWorkingDays.Where(d => d.Date != date)];
        return true;
    }

    /// <summary>The business-time engine for this calendar.</summary>
    public WorkingSchedule ToSchedule() => BuildSchedule(TimeZone, Weekly, Holidays, ExtraWorkingDays);

    private static WorkingSchedule BuildSchedule(
        string timeZone,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> weekly,
        IReadOnlyList<DateOnly> holidays,
        IReadOnlyList<ExtraWorkingDay> extraWorkingDays) =>
        new(timeZone, weekly, holidays, extraWorkingDays.ToDictionary(d => d.Date, d => d.Hours));

    /// <summary>Only IANA ids: Windows ids would resolve on some hosts and not on others.</summary>
    private static string CheckedTimeZone(string timeZone)
    {
        var zone = Guard.Required(timeZone, "timeZone", TimeZoneMaxLength);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info) || !info.HasIanaId)
            throw DomainException.Invalid("timeZone", $"'{zone}' is not a known IANA time zone (e.g. Asia/Shanghai, Europe/Berlin, UTC).");
        return zone;
    }

    private static Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> CheckedWeekly(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> weekly)
    {
        var result = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        foreach (var day in Weekdays.MondayFirst)
        {
            result[day] = weekly.TryGetValue(day, out var intervals) && intervals is not null
                ? CheckedIntervals(intervals, $"weekly.{Weekdays.Name(day)}")
                : [];
        }

        if (result.Values.All(intervals => intervals.Count == 0))
            throw DomainException.Invalid("weekly", "A calendar needs working time on at least one weekday; with none, no target could ever fall due.");
        return result;
    }

    private static List<DateOnly> CheckedHolidays(IEnumerable<DateOnly> holidays)
    {
        var result = holidays.Distinct().Order().ToList();
        if (result.Count > MaxSpecialDays)
            throw DomainException.Invalid("holidays", $"A calendar holds at most {MaxSpecialDays} holidays.");
        return result;
    }

    private static List<ExtraWorkingDay> CheckedExtraWorkingDays(IEnumerable<ExtraWorkingDay> extraWorkingDays, List<DateOnly> holidays)
    {
        var result = new List<ExtraWorkingDay>();
        foreach (var day in extraWorkingDays.OrderBy(d => d.Date))
        {
            ArgumentNullException.ThrowIfNull(day);
            if (result.Count > 0 && result[^1].Date == day.Date)
                throw DomainException.Invalid("extraWorkingDays", $"{Iso(day.Date)} is listed twice.");
            if (holidays.Contains(day.Date))
                throw DomainException.Invalid("extraWorkingDays", $"{Iso(day.Date)} cannot be both a holiday and an extra working day.");
            result.Add(new ExtraWorkingDay(day.Date, CheckedIntervals(day.Hours, $"extraWorkingDayHours.{Iso(day.Date)}")));
        }

        if (result.Count > MaxSpecialDays)
            throw DomainException.Invalid("extraWorkingDays", $"A calendar holds at most {MaxSpecialDays} extra working days.");
        return result;
    }

    /// <summary>Intervals of one day, put in order; overlapping ones are refused (touching is fine: 09:00-13:00, 13:00-18:00).</summary>
    private static WorkingInterval[] CheckedIntervals(IReadOnlyList<WorkingInterval> intervals, string field)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        if (intervals.Count > MaxIntervalsPerDay)
            throw DomainException.Invalid(field, $"A day holds at most {MaxIntervalsPerDay} working intervals.");

        var ordered = intervals.OrderBy(i => i.StartMinute).ThenBy(i => i.EndMinute).ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i].DurationMinutes <= 0)
                throw DomainException.Invalid(field, "A working interval must start before it ends.");
            if (i > 0 && ordered[i].StartMinute < ordered[i - 1].EndMinute)
                throw DomainException.Invalid(field, $"Working intervals must not overlap ({ordered[i - 1]} and {ordered[i]}).");
        }

        return ordered;
    }

    private static DomainException DateConflict(DateOnly date, string isAlready, string asked) =>
        new(RuleNames.CalendarDateConflict, $"{Iso(date)} is {isAlready} of this calendar; remove it from there before making it a {asked}.", DomainErrorKind.Conflict, "date");

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A date normally off that is worked; with no <paramref name="Hours"/> it works an ordinary Monday's.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Hours">Its own working intervals; empty to use Monday's.</param>
public sealed record ExtraWorkingDay(DateOnly Date, IReadOnlyList<WorkingInterval> Hours)
{
    public bool UsesMondayHours => Hours.Count == 0;
}
