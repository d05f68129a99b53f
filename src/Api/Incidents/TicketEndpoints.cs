using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Application.Incidents.Commands;
using ServiceDesk.Application.Incidents.Queries;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Domain.Common;

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
                TypedResults.Ok(await sender.Send(new ListTicketsQuery(kind, QueryValues.Enum<TicketStatus>(status, "status"), QueryValues.Enum<Priority>(priority, "priority"),
                    customerId, productLine, group, assignee, breached, openedFrom, openedTo, new PageRequest(limit, cursor)), ct)))
            .WithName($"List{name}s").WithSummary("List items, newest first (filters: status, priority, customerId, productLine, group, assignee, breached, openedFrom, openedTo)");

        group.MapGet("/{number}", async (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetTicketQuery(kind, number), ct)))
            .WithName($"Get{name}").WithSummary("Get one by number")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapMergePatch<TicketResponse, TicketDetailsBody>("/{number}",
                number => new GetTicketQuery(kind, number), (number, body, ifMatch) => new UpdateTicketCommand(kind, number, ifMatch, body))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName($"Patch{name}").WithSummary("Change summary, description, impact, urgency or category (merge patch); a new priority re-targets the clocks");

        group.MapAction<AssignBody, TicketResponse>("assign", (number, body, ifMatch) => new AssignTicketCommand(kind, number, ifMatch, body))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName($"Assign{name}").WithSummary("Assign to a group (and optionally a person)");
        group.MapAction("start", (number, ifMatch) => new StartTicketCommand(kind, number, ifMatch))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName($"Start{name}").WithSummary("Start work (acknowledges the ticket)");
        group.MapAction<ReasonBody, TicketResponse>("hold", (number, body, ifMatch) => new HoldTicketCommand(kind, number, ifMatch, body))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName($"Hold{name}").WithSummary("Put on hold (the resolution clock pauses)");
        group.MapAction("resume", (number, ifMatch) => new ResumeTicketCommand(kind, number, ifMatch))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName($"Resume{name}").WithSummary("Resume work after a hold");
        group.MapAction<ResolveBody, TicketResponse>("resolve", (number, body, ifMatch) => new ResolveTicketCommand(kind, number, ifMatch, body))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName($"Resolve{name}").WithSummary("Resolve (the resolution clock stops)");
        group.MapAction("close", (number, ifMatch) => new CloseTicketCommand(kind, number, ifMatch))
            .RequireAuthorization(Policies.StaffOrCustomer)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName($"Close{name}").WithSummary("Close a resolved ticket (the customer confirms)");
        group.MapAction<ReasonBody, TicketResponse>("reopen", (number, body, ifMatch) => new ReopenTicketCommand(kind, number, ifMatch, body))
            .RequireAuthorization(Policies.StaffOrCustomer)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName($"Reopen{name}").WithSummary("Reopen a resolved ticket (not fixed)");
        group.MapAction<ReasonBody, TicketResponse>("cancel", (number, body, ifMatch) => new CancelTicketCommand(kind, number, ifMatch, body))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName($"Cancel{name}").WithSummary("Cancel an open ticket (duplicate, raised in error)");
        group.MapAction<EscalateBody, TicketResponse>("escalate", (number, body, ifMatch) => new EscalateTicketCommand(kind, number, ifMatch, body))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName($"Escalate{name}").WithSummary("Escalate hierarchically (level) and/or functionally (group)");

        group.MapGet("/{number}/comments", async (string number, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCommentsQuery(kind, number, new PageRequest(limit, cursor)), ct)))
            .WithName($"List{name}Comments").WithSummary("Comments in order (customers see public ones only)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{number}/comments/{sequence:long}", async (string number, long sequence, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCommentQuery(kind, number, sequence), ct)))
            .WithName($"Get{name}Comment").WithSummary("One comment by its position (the Location a new comment is given); customers: public ones only")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{number}/comments", async (string number, CommentBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var comment = await sender.Send(new AddCommentCommand(kind, number, body), ct);
                return TypedResults.Created($"{http.Request.Path}/{comment.Sequence}", comment);
            })
            .Idempotent()
            .ProducesProblemTypes(RuleNames.ForbiddenVisibility, RuleNames.IllegalTransition)
            .WithName($"Add{name}Comment").WithSummary("Add a public comment or an internal work note (customers: public only)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{number}/satisfaction", async (string number, SatisfactionBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var rating = await sender.Send(new RateTicketCommand(kind, number, body), ct);
                return TypedResults.Created(http.Request.Path.Value![..^"/satisfaction".Length], rating);
            })
            .RequireAuthorization(Policies.Customer)
            .Idempotent()
            .ProducesProblemTypes(RuleNames.NotResolved, RuleNames.AlreadyRated)
            .WithName($"Rate{name}").WithSummary("The customer rates a resolved or closed ticket once, on the seven-level satisfaction scale (1..7 per dimension)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapGet("/{number}/history", async (string number, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListHistoryQuery(kind, number, new PageRequest(limit, cursor)), ct)))
            .WithName($"Get{name}History").WithSummary("Every change: who, when, old -> new (customers don't see internal notes)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{number}/sla", async (string number, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTicketSlaQuery(kind, number), ct)))
            .WithName($"Get{name}Sla").WithSummary("Both SLA clocks as of now (business minutes)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
