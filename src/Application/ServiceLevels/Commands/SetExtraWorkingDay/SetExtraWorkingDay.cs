using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>Body of <c>POST /calendars/{code}/extra-working-days/{date}</c> (optional).</summary>
/// <param name="Hours">The day's own working intervals; left out or empty: an ordinary Monday's hours.</param>
public sealed record ExtraWorkingDayBody(IReadOnlyList<WorkingHoursBody>? Hours);

/// <summary>Makes a date an extra working day, or changes the hours of one.</summary>
public sealed record SetExtraWorkingDayCommand(string Code, string Date, ExtraWorkingDayBody? Body, string? IfMatch) : ICommand<CalendarResponse>;

internal sealed class SetExtraWorkingDayHandler(IServiceDeskDbContext db, IBusinessCalendars calendars) : ICommandHandler<SetExtraWorkingDayCommand, CalendarResponse>
{
    public async ValueTask<CalendarResponse> Handle(SetExtraWorkingDayCommand command, CancellationToken cancellationToken)
    {
        var date = CalendarInput.Date(command.Date, "date");
        var hours = CalendarInput.Intervals(command.Body?.Hours, "hours");
        var calendar = await db.Calendars.LoadForUpdateAsync(c => c.Code == command.Code, command.IfMatch, "Calendar", command.Code, cancellationToken);
        calendar.SetExtraWorkingDay(date, hours);
        return await db.SaveCalendarAsync(calendar, calendars, cancellationToken);
    }
}
