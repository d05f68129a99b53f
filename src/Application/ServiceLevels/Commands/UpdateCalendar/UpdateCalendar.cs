using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>Replaces a calendar's name, time zone, hours, holidays and extra working days.</summary>
public sealed record UpdateCalendarCommand(string Code, CalendarBody Body, string? IfMatch) : ICommand<CalendarResponse>;

public sealed class UpdateCalendarCommandValidator : AbstractValidator<UpdateCalendarCommand>
{
    public UpdateCalendarCommandValidator() => RuleFor(c => c.Body).SetValidator(new CalendarBodyValidator());
}

internal sealed class UpdateCalendarHandler(IServiceDeskDbContext db, IBusinessCalendars calendars) : ICommandHandler<UpdateCalendarCommand, CalendarResponse>
{
    public async ValueTask<CalendarResponse> Handle(UpdateCalendarCommand command, CancellationToken cancellationToken)
    {
        var calendar = await db.Calendars.LoadForUpdateAsync(c => c.Code == command.Code, command.IfMatch, "Calendar", command.Code, cancellationToken);
        var body = command.Body;
        calendar.Update(
            body.Name!,
            body.TimeZone!,
            CalendarInput.Weekly(body.Weekly!),
            body.Holidays!,
            CalendarInput.ExtraWorkingDays(body.ExtraWorkingDays!, body.ExtraWorkingDayHours));
        return await db.SaveCalendarAsync(calendar, calendars, cancellationToken);
    }
}
