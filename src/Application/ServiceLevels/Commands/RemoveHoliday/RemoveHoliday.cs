using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>Makes a holiday an ordinary day again; 404 when the date is not a holiday.</summary>
public sealed record RemoveHolidayCommand(string Code, string Date, string? IfMatch) : ICommand<CalendarResponse>;

internal sealed class RemoveHolidayHandler(IServiceDeskDbContext db, IBusinessCalendars calendars) : ICommandHandler<RemoveHolidayCommand, CalendarResponse>
{
    public async ValueTask<CalendarResponse> Handle(RemoveHolidayCommand command, CancellationToken cancellationToken)
    {
        var date = CalendarInput.Date(command.Date, "date");
        var calendar = await db.Calendars.LoadForUpdateAsync(c => c.Code == command.Code, command.IfMatch, "Calendar", command.Code, cancellationToken);
        if (!calendar.RemoveHoliday(date))
            throw new NotFoundException("Holiday", $"{command.Date} of calendar {command.Code}");
        return await db.SaveCalendarAsync(calendar, calendars, cancellationToken);
    }
}
