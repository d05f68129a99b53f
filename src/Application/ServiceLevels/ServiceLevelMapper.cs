using System.Globalization;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceLevels;

/// <summary>
/// Calendars and levels to responses. Written by hand rather than generated: the JSON shapes (weekday names,
/// "HH:mm" texts, targets keyed by priority) are conversions, not property copies.
/// </summary>
public static class ServiceLevelMapper
{
    public static CalendarResponse ToResponse(this BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new CalendarResponse(
            calendar.Code,
            calendar.Name,
            calendar.TimeZone,
            Weekdays.MondayFirst.ToDictionary(Weekdays.Name, day => Hours(calendar.Weekly[day])),
            calendar.Holidays,
            calendar.ExtraWorkingDays.Select(d => d.Date).ToList(),
            calendar.ExtraWorkingDays.Where(d => !d.UsesMondayHours).ToDictionary(d => IsoDate(d.Date), d => Hours(d.Hours)),
            calendar.WeeklyWorkingMinutes)
        {
            Version = calendar.Version,
        };
    }

    public static ServiceLevelResponse ToResponse(this ServiceLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return new ServiceLevelResponse(
            level.Code,
            level.Name,
            level.NameZh,
            level.Rank,
            level.CalendarCode,
            level.ResponseCalendarCode,
            level.PriceMultiplier,
            level.AvailabilityTargetPercent,
            level.OnSiteArrivalMinutes,
            level.Targets.ToDictionary(t => t.Priority.ToString(), t => new TargetResponse(t.ResponseMinutes, t.ResolutionMinutes)),
            level.Status)
        {
            Version = level.Version,
        };
    }

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The response's dictionaries hold IReadOnlyList values.")]
    private static IReadOnlyList<WorkingHoursResponse> Hours(IReadOnlyList<WorkingInterval> intervals) =>
        intervals.Select(i => new WorkingHoursResponse(i.StartText, i.EndText)).ToList();
}
