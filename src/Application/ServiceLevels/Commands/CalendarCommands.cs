using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
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

public sealed record UpdateCalendarCommand(string Code, CalendarBody Body, string? IfMatch) : ICommand<CalendarResponse>;

/// <summary>Makes a date a holiday of the calendar (a holiday already: no change).</summary>
public sealed record AddHolidayCommand(string Code, string Date, string? IfMatch) : ICommand<CalendarResponse>;

public sealed record RemoveHolidayCommand(string Code, string Date, string? IfMatch) : ICommand<CalendarResponse>;

/// <summary>Body of <c>POST /calendars/{code}/extra-working-days/{date}</c> (optional).</summary>
/// <param name="Hours">The day's own working intervals; left out or empty: an ordinary Monday's hours.</param>
public sealed record ExtraWorkingDayBody(IReadOnlyList<WorkingHoursBody>? Hours);

/// <summary>Makes a date an extra working day, or changes the hours of one.</summary>
public sealed record SetExtraWorkingDayCommand(string Code, string Date, ExtraWorkingDayBody? Body, string? IfMatch) : ICommand<CalendarResponse>;

public sealed record RemoveExtraWorkingDayCommand(string Code, string Date, string? IfMatch) : ICommand<CalendarResponse>;

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

public sealed class CreateCalendarCommandValidator : AbstractValidator<CreateCalendarCommand>
{
    public CreateCalendarCommandValidator()
    {
        RuleFor(c => c.Code).MustBeCode();
        RuleFor(c => c.ToBody()).SetValidator(new CalendarBodyValidator()).OverridePropertyName("Body");
    }
}

public sealed class UpdateCalendarCommandValidator : AbstractValidator<UpdateCalendarCommand>
{
    public UpdateCalendarCommandValidator() => RuleFor(c => c.Body).SetValidator(new CalendarBodyValidator());
}

internal sealed class CalendarCommandsHandler(IServiceDeskDbContext db, IBusinessCalendars calendars)
    : ICommandHandler<CreateCalendarCommand, CalendarResponse>,
      ICommandHandler<UpdateCalendarCommand, CalendarResponse>,
      ICommandHandler<AddHolidayCommand, CalendarResponse>,
      ICommandHandler<RemoveHolidayCommand, CalendarResponse>,
      ICommandHandler<SetExtraWorkingDayCommand, CalendarResponse>,
      ICommandHandler<RemoveExtraWorkingDayCommand, CalendarResponse>
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
        return await SaveAsync(calendar, cancellationToken);
    }

    public async ValueTask<CalendarResponse> Handle(UpdateCalendarCommand command, CancellationToken cancellationToken)
    {
        var calendar = await LoadAsync(command.Code, command.IfMatch, cancellationToken);
        var body = command.Body;
        calendar.Update(
            body.Name!,
            body.TimeZone!,
            CalendarInput.Weekly(body.Weekly!),
            body.Holidays!,
            CalendarInput.ExtraWorkingDays(body.ExtraWorkingDays!, body.ExtraWorkingDayHours));
        return await SaveAsync(calendar, cancellationToken);
    }

    public async ValueTask<CalendarResponse> Handle(AddHolidayCommand command, CancellationToken cancellationToken)
    {
        var date = CalendarInput.Date(command.Date, "date");
        var calendar = await LoadAsync(command.Code, command.IfMatch, cancellationToken);
        calendar.AddHoliday(date);
        return await SaveAsync(calendar, cancellationToken);
    }

    public async ValueTask<CalendarResponse> Handle(RemoveHolidayCommand command, CancellationToken cancellationToken)
    {
        var date = CalendarInput.Date(command.Date, "date");
        var calendar = await LoadAsync(command.Code, command.IfMatch, cancellationToken);
        if (!calendar.RemoveHoliday(date))
            throw new NotFoundException("Holiday", $"{command.Date} of calendar {command.Code}");
        return await SaveAsync(calendar, cancellationToken);
    }

    public async ValueTask<CalendarResponse> Handle(SetExtraWorkingDayCommand command, CancellationToken cancellationToken)
    {
        var date = CalendarInput.Date(command.Date, "date");
        var hours = CalendarInput.Intervals(command.Body?.Hours, "hours");
        var calendar = await LoadAsync(command.Code, command.IfMatch, cancellationToken);
        calendar.SetExtraWorkingDay(date, hours);
        return await SaveAsync(calendar, cancellationToken);
    }

    public async ValueTask<CalendarResponse> Handle(RemoveExtraWorkingDayCommand command, CancellationToken cancellationToken)
    {
        var date = CalendarInput.Date(command.Date, "date");
        var calendar = await LoadAsync(command.Code, command.IfMatch, cancellationToken);
        if (!calendar.RemoveExtraWorkingDay(date))
            throw new NotFoundException("Extra working day", $"{command.Date} of calendar {command.Code}");
        return await SaveAsync(calendar, cancellationToken);
    }

    private async Task<BusinessCalendar> LoadAsync(string code, string? ifMatch, CancellationToken cancellationToken)
    {
        var calendar = await db.Calendars.FirstOrDefaultAsync(c => c.Code == code, cancellationToken)
            ?? throw new NotFoundException("Calendar", code);
        if (!ETags.Matches(ifMatch, ETags.FromVersion(calendar.Version)))
            throw new PreconditionFailedException("Calendar", code);
        return calendar;
    }

    /// <summary>Saves, then drops the cached schedule so the next due-time computation sees the change.</summary>
    private async Task<CalendarResponse> SaveAsync(BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        calendars.Invalidate(calendar.Code);
        return calendar.ToResponse();
    }
}
