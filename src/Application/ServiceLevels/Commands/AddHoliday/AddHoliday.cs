using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>Makes a date a holiday of the calendar (a holiday already: no change).</summary>
public sealed record AddHolidayCommand(string Code, string Date, string? IfMatch) : ICommand<CalendarResponse>;

internal sealed class AddHolidayHandler(IServiceDeskDbContext db, IBusinessCalendars calendars) : ICommandHandler<AddHolidayCommand, CalendarResponse>
{
    public async ValueTask<CalendarResponse> Handle(AddHolidayCommand command, CancellationToken cancellationToken)
    {
        var date = CalendarInput.Date(command.Date, "date");
        var calendar = await db.Calendars.LoadForUpdateAsync(c => c.Code == command.Code, command.IfMatch, "Calendar", command.Code, cancellationToken);
        calendar.AddHoliday(date);
        return await db.SaveCalendarAsync(calendar, calendars, cancellationToken);
    }
}
