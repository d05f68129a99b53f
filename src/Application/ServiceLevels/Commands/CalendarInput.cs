using System.Globalization;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>
/// Turns the calendar JSON clients send into domain values, naming the field of each problem as the client wrote it
/// (<c>weekly.Mon</c>, <c>extraWorkingDayHours.2026-10-10</c>). Weekday names and dates are data, so these checks run
/// here rather than in a validator, whose property paths are re-cased.
/// </summary>
internal static class CalendarInput
{
    public static Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> Weekly(IReadOnlyDictionary<string, IReadOnlyList<WorkingHoursBody>?> weekly)
    {
        var result = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        foreach (var (name, hours) in weekly)
        {
            if (!Weekdays.TryParse(name, out var day))
                throw new RequestValidationException($"weekly.{name}", $"'{name}' is not a weekday; use {Weekdays.AllNames}.");
            result[day] = Intervals(hours, $"weekly.{name}");
        }

        return result;
    }

    /// <summary>The extra working days, with the hours of those that have their own (each of which must be listed).</summary>
    public static List<ExtraWorkingDay> ExtraWorkingDays(
        IReadOnlyList<DateOnly> dates,
        IReadOnlyDictionary<string, IReadOnlyList<WorkingHoursBody>?>? hoursByDate)
    {
        var own = new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>();
        foreach (var (text, hours) in hoursByDate ?? new Dictionary<string, IReadOnlyList<WorkingHoursBody>?>())
        {
            var field = $"extraWorkingDayHours.{text}";
            var date = Date(text, field);
            if (!dates.Contains(date))
                throw new RequestValidationException(field, $"{text} is not one of 'extraWorkingDays'; list it there too.");
            own[date] = Intervals(hours, field);
        }

        return dates.Select(date => new ExtraWorkingDay(date, own.GetValueOrDefault(date, []))).ToList();
    }

    /// <summary>"HH:mm" pairs; "24:00" only as an end. A null list is a day off.</summary>
    public static IReadOnlyList<WorkingInterval> Intervals(IReadOnlyList<WorkingHoursBody?>? hours, string field)
    {
        if (hours is null)
            return [];
        var result = new List<WorkingInterval>(hours.Count);
        for (var i = 0; i < hours.Count; i++)
        {
            var interval = hours[i] ?? throw new RequestValidationException(field, $"Interval {i + 1} is null; write {{ \"start\": \"09:00\", \"end\": \"12:00\" }}.");
            if (!WorkingInterval.TryParseTimeOfDay(interval.Start, isEnd: false, out var start))
                throw new RequestValidationException(field, $"Interval {i + 1}: start '{interval.Start}' is not a time of day; expected HH:mm from 00:00 to 23:59.");
            if (!WorkingInterval.TryParseTimeOfDay(interval.End, isEnd: true, out var end))
                throw new RequestValidationException(field, $"Interval {i + 1}: end '{interval.End}' is not a time of day; expected HH:mm from 00:01 to 24:00 (24:00 is the end of the day).");
            if (start >= end)
                throw new RequestValidationException(field, $"Interval {i + 1}: {interval.Start}-{interval.End} must start before it ends.");
            result.Add(new WorkingInterval(start, end));
        }

        return result;
    }

    /// <summary>A date written exactly as yyyy-MM-dd.</summary>
    public static DateOnly Date(string? text, string field) =>
        TryParseDate(text, out var date)
            ? date
            : throw new RequestValidationException(field, $"'{text}' is not a date; expected yyyy-MM-dd.");

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
