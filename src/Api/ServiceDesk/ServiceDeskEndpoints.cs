using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Application.ServiceDesk.Commands;
using ServiceDesk.Application.ServiceDesk.Queries;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Api.ServiceDesk;

/// <summary>The single entry point: intake, lookup by number or external reference, and the work queue.</summary>
public static class ServiceDeskEndpoints
{
    public static RouteGroupBuilder MapServiceDeskEndpoints(this RouteGroupBuilder api)
    {
        var desk = api.MapGroup("/service-desk").WithTags("Service desk").RequireAuthorization(Policies.StaffOrCustomer);

        desk.MapPost("/tickets", async (RaiseTicketCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var created = await sender.Send(body, ct);
                return HttpResults.Created(http, TicketLinks.PathOf(created.Kind, created.Number), created);
            })
            .Idempotent()
            .ProducesProblemTypes(RuleNames.NotEntitled, RuleNames.ProductRetired, RuleNames.NotRequestable)
            .WithName("RaiseTicket")
            .WithSummary("Raise an incident, service request, inquiry, change request or complaint")
            .WithDescription("Checks entitlement, derives the priority, routes to a group and starts the SLA clocks. "
                + "Send Idempotency-Key to make retries safe: the same key and body return the first result; the same key with another body is refused (422).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        desk.MapGet("/tickets/{number}", async (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetDeskTicketQuery(number), ct)))
            .WithName("GetDeskTicket").WithSummary("Any ticket by number, whatever its kind")
            .ProducesProblem(StatusCodes.Status404NotFound);

        desk.MapGet("/tickets", async (string? externalReference, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FindByExternalReferenceQuery(externalReference, new PageRequest(limit, cursor)), ct)))
            .WithName("FindTicketsByExternalReference").WithSummary("Tickets of every kind carrying your external reference, newest first");

        desk.MapGet("/queue", async (string? group, string? priority, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetQueueQuery(group, QueryValues.Enum<Priority>(priority, "priority"), new PageRequest(limit, cursor)), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("GetWorkQueue").WithSummary("Open incidents and service requests, soonest breach first");

        return api;
    }
}
