using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>Body of <c>POST /calendars</c>: a new code and the writable fields.</summary>
/// <param name="Code" example="5X8-DE">New, unique code: up to 32 of A-Z, 0-9, '-'.</param>
/// <param name="Name" example="Working days 08:00-17:00 Germany">Display name.</param>
/// <param name="TimeZone" example="Europe/Berlin">IANA time-zone id.</param>
/// <param name="Weekly">Working intervals per weekday: keys "Mon" to "Sun", each a list of { start, end }. A weekday left out (or an empty list) is a day off.</param>
/// <param name="Holidays">Dates that are off (yyyy-MM-dd); may be empty.</param>
/// <param name="ExtraWorkingDays">Dates normally off that are worked (yyyy-MM-dd); may be empty.</param>
/// <param name="ExtraWorkingDayHours">Optional: hours of their own for some extra working days, by date.</param>
public sealed record CreateCalendarCommand(
    string? Code,
    string? Name,
    string? TimeZone,
    IReadOnlyDictionary<string, IReadOnlyList<WorkingHoursBody>?>? Weekly,
    IReadOnlyList<DateOnly>? Holidays,
    IReadOnlyList<DateOnly>? ExtraWorkingDays,
    IReadOnlyDictionary<string, IReadOnlyList<WorkingHoursBody>?>? ExtraWorkingDayHours) : ICommand<CalendarResponse>
{
    public CalendarBody ToBody() => new(Name, TimeZone, Weekly, Holidays, ExtraWorkingDays, ExtraWorkingDayHours);
}

public sealed class CreateCalendarCommandValidator : AbstractValidator<CreateCalendarCommand>
{
    public CreateCalendarCommandValidator()
    {
        RuleFor(c => c.Code).MustBeCode();
        RuleFor(c => c.ToBody()).SetValidator(new CalendarBodyValidator()).OverridePropertyName("Body");
    }
}

internal sealed class CreateCalendarHandler(IServiceDeskDbContext db, IBusinessCalendars calendars) : ICommandHandler<CreateCalendarCommand, CalendarResponse>
{
    public async ValueTask<CalendarResponse> Handle(CreateCalendarCommand command, CancellationToken cancellationToken)
    {
        if (await db.Calendars.AnyAsync(c => c.Code == command.Code, cancellationToken))
            throw ConflictException.Duplicate("calendar", "code", command.Code!);

        var body = command.ToBody();
        var calendar = new BusinessCalendar(
            command.Code!,
            body.Name!,
            body.TimeZone!,
            CalendarInput.Weekly(body.Weekly!),
            body.Holidays!,
            CalendarInput.ExtraWorkingDays(body.ExtraWorkingDays!, body.ExtraWorkingDayHours));
        db.Calendars.Add(calendar);
        return await db.SaveCalendarAsync(calendar, calendars, cancellationToken);
    }
}
