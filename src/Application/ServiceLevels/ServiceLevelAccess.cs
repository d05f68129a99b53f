using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.ServiceLevels.Commands;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceLevels;

/// <summary>What the writes of calendars and service levels share: saving a calendar, and checking and converting a level's body.</summary>
internal static class ServiceLevelAccess
{
    /// <summary>Saves, then drops the cached schedule so the next due-time computation sees the change.</summary>
    public static async Task<CalendarResponse> SaveCalendarAsync(this IServiceDeskDbContext db, BusinessCalendar calendar, IBusinessCalendars calendars,
        CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        calendars.Invalidate(calendar.Code);
        return calendar.ToResponse();
    }

    /// <summary>A level must measure on calendars that exist (400 naming the field otherwise).</summary>
    public static async Task EnsureCalendarsExistAsync(this IServiceDeskDbContext db, ServiceLevelFields body, CancellationToken cancellationToken)
    {
        if (!await db.Calendars.AnyAsync(c => c.Code == body.CalendarCode, cancellationToken))
            throw new RequestValidationException("calendarCode", $"Calendar '{body.CalendarCode}' does not exist.");
        if (body.ResponseCalendarCode is { } responseCalendar && !await db.Calendars.AnyAsync(c => c.Code == responseCalendar, cancellationToken))
            throw new RequestValidationException("responseCalendarCode", $"Calendar '{responseCalendar}' does not exist.");
    }

    /// <summary>Targets keyed "P1".."P4"; an unknown key or a missing number is a 400 naming it (<c>targets.P5</c>).</summary>
    public static List<ServiceTarget> Targets(IReadOnlyDictionary<string, TargetBody?> targets)
    {
        var result = new List<ServiceTarget>();
        foreach (var (key, target) in targets)
        {
            var field = $"targets.{key}";
            if (!Enum.TryParse<Priority>(key, ignoreCase: false, out var priority) || !Enum.IsDefined(priority) || key != priority.ToString())
                throw new RequestValidationException(field, $"'{key}' is not a priority; use P1, P2, P3 and P4.");
            if (target?.ResponseMinutes is not { } response)
                throw new RequestValidationException(field + ".responseMinutes", "'responseMinutes' is required.");
            if (target.ResolutionMinutes is not { } resolution)
                throw new RequestValidationException(field + ".resolutionMinutes", "'resolutionMinutes' is required.");
            result.Add(new ServiceTarget(priority, response, resolution));
        }

        return result;
    }

    /// <summary>A validated body as the terms the domain takes.</summary>
    public static ServiceLevelTerms ToTerms(this ServiceLevelFields fields) => new()
    {
        Name = fields.Name!,
        NameZh = fields.NameZh,
        Rank = fields.Rank!.Value,
        CalendarCode = fields.CalendarCode!,
        ResponseCalendarCode = fields.ResponseCalendarCode,
        PriceMultiplier = fields.PriceMultiplier!.Value,
        AvailabilityTargetPercent = fields.AvailabilityTargetPercent!.Value,
        OnSiteArrivalMinutes = fields.OnSiteArrivalMinutes,
        Targets = Targets(fields.Targets!),
    };
}
