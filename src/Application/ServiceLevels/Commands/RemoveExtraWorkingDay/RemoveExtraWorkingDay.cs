using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>Makes an extra working day an ordinary day again; 404 when the date is not an extra working day.</summary>
public sealed record RemoveExtraWorkingDayCommand(string Code, string Date, string? IfMatch) : ICommand<CalendarResponse>;

internal sealed class RemoveExtraWorkingDayHandler(IServiceDeskDbContext db, IBusinessCalendars calendars) : ICommandHandler<RemoveExtraWorkingDayCommand, CalendarResponse>
{
    public async ValueTask<CalendarResponse> Handle(RemoveExtraWorkingDayCommand command, CancellationToken cancellationToken)
    {
        var date = CalendarInput.Date(command.Date, "date");
        var calendar = await db.Calendars.LoadForUpdateAsync(c => c.Code == command.Code, command.IfMatch, "Calendar", command.Code, cancellationToken);
        if (!calendar.RemoveExtraWorkingDay(date))
            throw new NotFoundException("Extra working day", $"{command.Date} of calendar {command.Code}");
        return await db.SaveCalendarAsync(calendar, calendars, cancellationToken);
    }
}
