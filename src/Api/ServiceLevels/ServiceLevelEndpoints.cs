using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.ServiceLevels.Commands;
using ServiceDesk.Application.ServiceLevels.Queries;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Api.ServiceLevels;

/// <summary>Business calendars and service levels: reads for any authenticated caller, writes for Admin.</summary>
public static class ServiceLevelEndpoints
{
    public static RouteGroupBuilder MapServiceLevelEndpoints(this RouteGroupBuilder api)
    {
        MapCalendars(api.MapGroup("/calendars").WithTags("Calendars").RequireAuthorization(Policies.Authenticated));
        MapServiceLevels(api.MapGroup("/service-levels").WithTags("Service levels").RequireAuthorization(Policies.Authenticated));
        return api;
    }

    private static void MapCalendars(RouteGroupBuilder calendars)
    {
        calendars.MapGet("/", async (int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCalendarsQuery(new PageRequest(limit, cursor)), ct)))
            .WithName("ListCalendars").WithSummary("List business calendars, by code");

        calendars.MapGet("/{code}", async (string code, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetCalendarQuery(code), ct)))
            .WithName("GetCalendar").WithSummary("Get a calendar: time zone, weekly hours, holidays, extra working days")
            .ProducesProblem(StatusCodes.Status404NotFound);

        calendars.MapPost("/", async (CreateCalendarCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var calendar = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/calendars/{calendar.Code}", calendar);
            })
            .RequireAuthorization(Policies.Admin)
            .Idempotent()
            .ProducesProblemTypes(RuleNames.Duplicate)
            .WithName("CreateCalendar").WithSummary("Create a calendar (Admin); refused (400) with a bad time zone, bad or overlapping hours, or no working time")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        calendars.MapPut("/{code}", async (string code, CalendarBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new UpdateCalendarCommand(code, body, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ReplaceCalendar").WithSummary("Replace a calendar's name, time zone, hours, holidays and extra working days (Admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        calendars.MapPost("/{code}/holidays/{date}", async (string code, string date, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new AddHolidayCommand(code, date, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .ProducesProblemTypes(RuleNames.CalendarDateConflict)
            .WithName("AddHoliday").WithSummary("Make a date (yyyy-MM-dd) a holiday of the calendar (Admin); a holiday already: no change. Returns the calendar.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        calendars.MapDelete("/{code}/holidays/{date}", async (string code, string date, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new RemoveHolidayCommand(code, date, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("RemoveHoliday").WithSummary("Make a holiday an ordinary day again (Admin). Returns the calendar; 404 when the date is not a holiday.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        calendars.MapPost(
                "/{code}/extra-working-days/{date}",
                async (string code, string date, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ExtraWorkingDayBody? body, ISender sender, HttpContext http, CancellationToken ct) =>
                    HttpResults.Updated(http, await sender.Send(new SetExtraWorkingDayCommand(code, date, body, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .ProducesProblemTypes(RuleNames.CalendarDateConflict)
            .WithName("SetExtraWorkingDay").WithSummary("Make a date (yyyy-MM-dd) an extra working day, or change its hours (Admin). No body: an ordinary Monday's hours. Returns the calendar.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        calendars.MapDelete("/{code}/extra-working-days/{date}", async (string code, string date, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new RemoveExtraWorkingDayCommand(code, date, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("RemoveExtraWorkingDay").WithSummary("Make an extra working day an ordinary day again (Admin). Returns the calendar; 404 when the date is not an extra working day.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        calendars.MapGet("/{code}/due", async (string code, string? start, long? minutes, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetDueTimeQuery(code, QueryValues.Instant(start, "start"), minutes), ct)))
            .WithName("GetDueTime").WithSummary("When a number of business minutes from an instant falls due on the calendar (start: an instant with offset; minutes: 0 or more)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapServiceLevels(RouteGroupBuilder levels)
    {
        levels.MapGet("/", async (string? status, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListServiceLevelsQuery(QueryValues.Enum<ServiceLevelStatus>(status, "status"), new PageRequest(limit, cursor)), ct)))
            .WithName("ListServiceLevels").WithSummary("List service levels, best rank first (filter: status)");

        levels.MapGet("/{code}", async (string code, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetServiceLevelQuery(code), ct)))
            .WithName("GetServiceLevel").WithSummary("Get a service level with its targets")
            .ProducesProblem(StatusCodes.Status404NotFound);

        levels.MapPost("/", async (CreateServiceLevelCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var level = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/service-levels/{level.Code}", level);
            })
            .RequireAuthorization(Policies.Admin)
            .Idempotent()
            .ProducesProblemTypes(RuleNames.Duplicate)
            .WithName("CreateServiceLevel").WithSummary("Create a service level on existing calendars (Admin)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        levels.MapPut("/{code}", async (string code, ServiceLevelBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new UpdateServiceLevelCommand(code, body, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ReplaceServiceLevel").WithSummary("Replace a service level's writable fields (Admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        levels.MapPost("/{code}/retire", async (string code, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new RetireServiceLevelCommand(code, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("RetireServiceLevel").WithSummary("Retire a service level: agreements on it keep it, new agreements cannot choose it (Admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        levels.MapDelete("/{code}", async (string code, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                await sender.Send(new DeleteServiceLevelCommand(code, http.Request.IfMatch()), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .ProducesProblemTypes(RuleNames.ServiceLevelInUse)
            .WithName("DeleteServiceLevel").WithSummary("Delete a service level no agreement uses (Admin); one in use is refused (409): retire it instead")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
