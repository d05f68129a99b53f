using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Changes;
using ServiceDesk.Application.Changes.Commands;
using ServiceDesk.Application.Changes.Queries;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.Changes;

namespace ServiceDesk.Api.Changes;

/// <summary>
/// Change management: changes and their actions, conflicts and freeze periods. Agents (and managers) write and work
/// changes, change approvers approve or reject them, managers declare freezes; all three read. Customer keys get 403.
/// Also the incident side of the link "this change caused that incident" (<c>/incidents/{number}/caused-by</c>).
/// </summary>
public static class ChangeEndpoints
{
    public static RouteGroupBuilder MapChangeEndpoints(this RouteGroupBuilder api)
    {
        MapChanges(api.MapGroup("/changes").WithTags("Changes").RequireAuthorization(Policies.ChangeReader));
        MapFreezePeriods(api.MapGroup("/freeze-periods").WithTags("Freeze periods").RequireAuthorization(Policies.ChangeReader));
        MapCausedBy(api.MapGroup("/incidents").WithTags("Incidents").RequireAuthorization(Policies.Staff));
        return api;
    }

    private static void MapChanges(RouteGroupBuilder changes)
    {
        changes.MapGet("/", async (string? status, string? type, Guid? customerId, string? productCode, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListChangesQuery(QueryValues.Enum<ChangeStatus>(status, "status"), QueryValues.Enum<ChangeType>(type, "type"),
                    customerId, productCode, new PageRequest(limit, cursor)), ct)))
            .WithName("ListChanges").WithSummary("List changes, newest first (filters: status, type, customerId, productCode)")
            .Produces<Page<ChangeResponse>>();

        changes.MapPost("/", async (CreateChangeCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var change = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/changes/{change.Number}", change);
            })
            .RequireAuthorization(Policies.Staff)
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("CreateChange").WithSummary("Write a change (a Draft until submitted); no customerId means a global change")
            .Produces<ChangeResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        changes.MapGet("/conflicts", async (string? productCode, Guid? customerId, DateTimeOffset? start, DateTimeOffset? end, int? limit, string? cursor,
                    ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new FindChangeConflictsQuery(productCode, customerId, start, end, new PageRequest(limit, cursor)), ct)))
            .WithName("FindChangeConflicts")
            .WithSummary("Scheduled or implementing changes overlapping [start, end) on a product, for a customer (or every customer: no customerId)")
            .WithDescription("Windows that only touch (one ends when the other starts) do not overlap. A customer's changes conflict with that customer's and with global ones.")
            .Produces<Page<ChangeConflictResponse>>();

        changes.MapGet("/{number}", async (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetChangeQuery(number), ct)))
            .WithName("GetChange").WithSummary("Get a change by number")
            .Produces<ChangeResponse>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        changes.MapPatch("/{number}", async (string number, ISender sender, MergePatch merge, HttpContext http, CancellationToken ct) =>
            {
                var patch = await MergePatch.ReadAsync(http.Request, ct);
                var current = await sender.Send(new GetChangeQuery(number), ct);
                var body = merge.Apply<ChangeResponse, ChangeBody>(current, patch);
                return HttpResults.Updated(http, await sender.Send(new UpdateChangeCommand(number, http.Request.IfMatch() ?? current.ETag, body), ct));
            })
            .RequireAuthorization(Policies.Staff)
            .Accepts<ChangeBody>("application/merge-patch+json", "application/json")
            .WithName("PatchChange").WithSummary("Complete or correct a Draft (merge patch): type, risk, summary, description, plans, products, customer")
            .Produces<ChangeResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        changes.MapGet("/{number}/history", async (string number, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListChangeHistoryQuery(number, new PageRequest(limit, cursor)), ct)))
            .WithName("GetChangeHistory").WithSummary("Every step of the change: who, when, old -> new")
            .Produces<Page<HistoryResponse>>().ProducesProblem(StatusCodes.Status404NotFound);

        Action(changes, "submit", "Submit a complete Draft; a Standard change (Low risk, request products only) is approved at once", Policies.Staff,
            (number, ifMatch) => new SimpleChangeActionCommand(number, ifMatch, ChangeAction.Submit));
        Action(changes, "approve", "Approve (ChangeApprover; not the requester, once per approver); Normal needs 1 (2 at High risk), Emergency 1",
            Policies.ChangeApprover, (string number, DecisionBody body, string? ifMatch) => new ApproveChangeCommand(number, ifMatch, body));
        Action(changes, "reject", "Reject (ChangeApprover): any rejection rejects the change", Policies.ChangeApprover,
            (string number, DecisionBody body, string? ifMatch) => new RejectChangeCommand(number, ifMatch, body));
        Action(changes, "schedule", "Plan the window of an approved (or re-plan a scheduled) change: not in the past, not in a freeze "
            + "(Emergency excepted), conflicts acknowledged (Normal)", Policies.Staff,
            (string number, ScheduleBody body, string? ifMatch) => new ScheduleChangeCommand(number, ifMatch, body));
        Action(changes, "start", "Start implementing a scheduled change (also before its window opens)", Policies.Staff,
            (number, ifMatch) => new SimpleChangeActionCommand(number, ifMatch, ChangeAction.Start));
        Action(changes, "complete", "Implementation is done", Policies.Staff,
            (number, ifMatch) => new SimpleChangeActionCommand(number, ifMatch, ChangeAction.Complete));
        Action(changes, "review", "Record the review outcome: Successful, Failed or RolledBack", Policies.Staff,
            (string number, ReviewBody body, string? ifMatch) => new ReviewChangeCommand(number, ifMatch, body));
        Action(changes, "close", "Close a reviewed change", Policies.Staff,
            (number, ifMatch) => new SimpleChangeActionCommand(number, ifMatch, ChangeAction.Close));
        Action(changes, "cancel", "Cancel a change before implementation starts", Policies.Staff,
            (number, ifMatch) => new SimpleChangeActionCommand(number, ifMatch, ChangeAction.Cancel));
        Action(changes, "fixes", "Record an incident or a problem this change fixes", Policies.Staff,
            (string number, FixBody body, string? ifMatch) => new AddChangeFixCommand(number, ifMatch, body));

        changes.MapDelete("/{number}/fixes/{fixedNumber}", async (string number, string fixedNumber, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new RemoveChangeFixCommand(number, http.Request.IfMatch(), fixedNumber), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("RemoveChangeFix").WithSummary("Remove an incident or problem from the ones this change fixes")
            .Produces<ChangeResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static void MapFreezePeriods(RouteGroupBuilder freezes)
    {
        freezes.MapGet("/", async (Guid? customerId, DateTimeOffset? from, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListFreezePeriodsQuery(customerId, from, new PageRequest(limit, cursor)), ct)))
            .WithName("ListFreezePeriods").WithSummary("Freeze periods by start (customerId: those covering the customer, global ones included; from: those ending after it)")
            .Produces<Page<FreezePeriodResponse>>();

        freezes.MapPost("/", async (CreateFreezePeriodCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var freeze = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/freeze-periods/{freeze.Id}", freeze);
            })
            .RequireAuthorization(Policies.Manager)
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("CreateFreezePeriod").WithSummary("Declare a freeze period (Manager): global, or for one customer")
            .Produces<FreezePeriodResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        freezes.MapGet("/{id}", async (string id, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetFreezePeriodQuery(id), ct)))
            .WithName("GetFreezePeriod").WithSummary("Get a freeze period")
            .Produces<FreezePeriodResponse>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        freezes.MapDelete("/{id}", async (string id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteFreezePeriodCommand(id), ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.Manager)
            .WithName("DeleteFreezePeriod").WithSummary("Lift a freeze period (Manager)")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapCausedBy(RouteGroupBuilder incidents)
    {
        incidents.MapPost("/{number}/caused-by", async (string number, CausedByBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new SetCausingChangeCommand(number, http.Request.IfMatch(), body), ct)))
            .WithName("SetIncidentCausedBy").WithSummary("Name the change that caused the incident (the change lists it in causedIncidents)")
            .Produces<TicketResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        incidents.MapDelete("/{number}/caused-by", async (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new ClearCausingChangeCommand(number, http.Request.IfMatch()), ct)))
            .WithName("ClearIncidentCausedBy").WithSummary("Forget the change named as the incident's cause")
            .Produces<TicketResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static void Action<TBody>(RouteGroupBuilder group, string action, string summary, string policy, Func<string, TBody, string?, ChangeCommand> command)
        where TBody : notnull =>
        group.MapPost("/{number}/" + action, async (string number, TBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(command(number, body, http.Request.IfMatch()), ct)))
            .RequireAuthorization(policy)
            .WithName(OperationName(action)).WithSummary(summary)
            .Produces<ChangeResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static void Action(RouteGroupBuilder group, string action, string summary, string policy, Func<string, string?, ChangeCommand> command) =>
        group.MapPost("/{number}/" + action, async (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(command(number, http.Request.IfMatch()), ct)))
            .RequireAuthorization(policy)
            .WithName(OperationName(action)).WithSummary(summary)
            .Produces<ChangeResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static string OperationName(string action) => action == "fixes" ? "AddChangeFix" : $"{char.ToUpperInvariant(action[0])}{action[1..]}Change";
}
