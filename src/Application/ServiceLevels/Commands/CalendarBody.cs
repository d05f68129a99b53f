using FluentValidation;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>One working interval of a day, local time.</summary>
/// <param name="Start" example="09:00">HH:mm, 00:00 to 23:59.</param>
/// <param name="End" example="12:00">HH:mm, 00:01 to 24:00 ("24:00": midnight at the end of the day).</param>
public sealed record WorkingHoursBody(string? Start, string? End);

/// <summary>The writable fields of a calendar (PUT replaces them all).</summary>
/// <param name="Name" example="Working days 09:00-12:00 and 13:00-18:00 China Standard Time">Display name.</param>
/// <param name="TimeZone" example="Asia/Shanghai">IANA time-zone id.</param>
/// <param name="Weekly">Working intervals per weekday: keys "Mon" to "Sun", each a list of { start, end } in any order, not overlapping. A weekday left out (or an empty list) is a day off; the week needs some working time.</param>
/// <param name="Holidays">Dates that are off (yyyy-MM-dd); may be empty.</param>
/// <param name="ExtraWorkingDays">Dates normally off that are worked (yyyy-MM-dd); may be empty. They work an ordinary Monday's hours unless extraWorkingDayHours gives their own.</param>
/// <param name="ExtraWorkingDayHours">Optional: hours of their own for some extra working days, by date (each date must be in extraWorkingDays).</param>
public sealed record CalendarBody(
    string? Name,
    string? TimeZone,
    IReadOnlyDictionary<string, IReadOnlyList<WorkingHoursBody>?>? Weekly,
    IReadOnlyList<DateOnly>? Holidays,
    IReadOnlyList<DateOnly>? ExtraWorkingDays,
    IReadOnlyDictionary<string, IReadOnlyList<WorkingHoursBody>?>? ExtraWorkingDayHours);

public sealed class CalendarBodyValidator : AbstractValidator<CalendarBody>
{
    public CalendarBodyValidator()
    {
        RuleFor(b => b.Name).NotEmpty().MaximumLength(BusinessCalendar.NameMaxLength);
        RuleFor(b => b.TimeZone).NotEmpty().MaximumLength(BusinessCalendar.TimeZoneMaxLength);
        RuleFor(b => b.Weekly).NotNull();
        RuleFor(b => b.Holidays).NotNull();
        RuleFor(b => b.ExtraWorkingDays).NotNull();
    }
}
