using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Application.Incidents.Commands;
using ServiceDesk.Application.Incidents.Queries;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Api.Incidents;

/// <summary>
/// Incidents (<c>/incidents</c>) and service requests (<c>/service-requests</c>): the same shape, mapped once per kind.
/// Agents and managers work them; a Customer key reads, comments on, confirms (close) and reopens its own.
/// </summary>
public static class TicketEndpoints
{
    public static RouteGroupBuilder MapTicketEndpoints(this RouteGroupBuilder api)
    {
        Map(api.MapGroup("/incidents").WithTags("Incidents"), TicketKind.Incident, "Incident");
        Map(api.MapGroup("/service-requests").WithTags("Service requests"), TicketKind.ServiceRequest, "ServiceRequest");
        return api;
    }

    private static void Map(RouteGroupBuilder group, TicketKind kind, string name)
    {
        group.RequireAuthorization(Policies.StaffOrCustomer);

        group.MapGet("/", async (string? status, string? priority, Guid? customerId, string? productLine, string? group, string? assignee, bool? breached,
                    DateTimeOffset? openedFrom, DateTimeOffset? openedTo, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListTicketsQuery(kind, QueryValues.Enum<TicketStatus>(status, "status"), QueryValues.Enum<Priority>(priority, "priority"),
                    customerId, productLine, group, assignee, breached, openedFrom, openedTo, new PageRequest(limit, cursor)), ct)))
            .WithName($"List{name}s").WithSummary("List, newest first (filters: status, priority, customerId, productLine, group, assignee, breached, openedFrom, openedTo)")
            .Produces<Page<TicketResponse>>();

        group.MapGet("/{number}", async (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetTicketQuery(kind, number), ct)))
            .WithName($"Get{name}").WithSummary("Get one by number")
            .Produces<TicketResponse>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPatch("/{number}", async (string number, ISender sender, MergePatch merge, HttpContext http, CancellationToken ct) =>
            {
                var patch = await MergePatch.ReadAsync(http.Request, ct);
                var current = await sender.Send(new GetTicketQuery(kind, number), ct);
                var body = merge.Apply<TicketResponse, TicketDetailsBody>(current, patch);
                return HttpResults.Updated(http, await sender.Send(new UpdateTicketCommand(kind, number, http.Request.IfMatch() ?? current.ETag, body), ct));
            })
            .RequireAuthorization(Policies.Staff)
            .Accepts<TicketDetailsBody>("application/merge-patch+json", "application/json")
            .WithName($"Patch{name}").WithSummary("Change summary, description, impact, urgency or category (merge patch); a new priority re-targets the clocks")
            .Produces<TicketResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        Action(group, "assign", name, "Assign to a group (and optionally a person)", Policies.Staff,
            (string number, AssignBody body, string? ifMatch) => new AssignTicketCommand(kind, number, ifMatch, body));
        Action(group, "start", name, "Start work (acknowledges the ticket)", Policies.Staff,
            (string number, string? ifMatch) => new SimpleTicketActionCommand(kind, number, ifMatch, TicketAction.Start));
        Action(group, "hold", name, "Put on hold (the resolution clock pauses)", Policies.Staff,
            (string number, ReasonBody body, string? ifMatch) => new HoldTicketCommand(kind, number, ifMatch, body));
        Action(group, "resume", name, "Resume work after a hold", Policies.Staff,
            (string number, string? ifMatch) => new SimpleTicketActionCommand(kind, number, ifMatch, TicketAction.Resume));
        Action(group, "resolve", name, "Resolve (the resolution clock stops)", Policies.Staff,
            (string number, ResolveBody body, string? ifMatch) => new ResolveTicketCommand(kind, number, ifMatch, body));
        Action(group, "close", name, "Close a resolved ticket (the customer confirms)", Policies.StaffOrCustomer,
            (string number, string? ifMatch) => new SimpleTicketActionCommand(kind, number, ifMatch, TicketAction.Close));
        Action(group, "reopen", name, "Reopen a resolved ticket (not fixed)", Policies.StaffOrCustomer,
            (string number, ReasonBody body, string? ifMatch) => new ReopenTicketCommand(kind, number, ifMatch, body));
        Action(group, "cancel", name, "Cancel an open ticket (duplicate, raised in error)", Policies.Staff,
            (string number, ReasonBody body, string? ifMatch) => new CancelTicketCommand(kind, number, ifMatch, body));
        Action(group, "escalate", name, "Escalate hierarchically (level) and/or functionally (group)", Policies.Staff,
            (string number, EscalateBody body, string? ifMatch) => new EscalateTicketCommand(kind, number, ifMatch, body));

        group.MapGet("/{number}/comments", async (string number, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListCommentsQuery(kind, number, new PageRequest(limit, cursor)), ct)))
            .WithName($"List{name}Comments").WithSummary("Comments in order (customers see public ones only)")
            .Produces<Page<CommentResponse>>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{number}/comments", async (string number, CommentBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var comment = await sender.Send(new AddCommentCommand(kind, number, body), ct);
                return Results.Created($"{http.Request.Path}/{comment.Sequence}", comment);
            })
            .WithName($"Add{name}Comment").WithSummary("Add a public comment or an internal work note (customers: public only)")
            .Produces<CommentResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{number}/history", async (string number, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListHistoryQuery(kind, number, new PageRequest(limit, cursor)), ct)))
            .WithName($"Get{name}History").WithSummary("Every change: who, when, old -> new (customers don't see internal notes)")
            .Produces<Page<HistoryResponse>>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{number}/sla", async (string number, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new GetTicketSlaQuery(kind, number), ct)))
            .WithName($"Get{name}Sla").WithSummary("Both SLA clocks as of now (business minutes)")
            .Produces<TicketSlaResponse>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void Action<TBody>(RouteGroupBuilder group, string action, string name, string summary, string policy, Func<string, TBody, string?, TicketCommand> command)
        where TBody : notnull =>
        group.MapPost("/{number}/" + action, async (string number, TBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(command(number, body, http.Request.IfMatch()), ct)))
            .RequireAuthorization(policy)
            .WithName($"{Capitalised(action)}{name}").WithSummary(summary)
            .Produces<TicketResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static void Action(RouteGroupBuilder group, string action, string name, string summary, string policy, Func<string, string?, TicketCommand> command) =>
        group.MapPost("/{number}/" + action, async (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(command(number, http.Request.IfMatch()), ct)))
            .RequireAuthorization(policy)
            .WithName($"{Capitalised(action)}{name}").WithSummary(summary)
            .Produces<TicketResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    private static string Capitalised(string action) => char.ToUpperInvariant(action[0]) + action[1..];
}
