using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Changes;
using ServiceDesk.Application.Changes.Commands;
using ServiceDesk.Application.Changes.Queries;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Api.Changes;

/// <summary>
/// Change management: changes and their actions, conflicts and freeze periods. Agents (and managers) write and work
/// changes, change approvers approve or reject them, managers declare freezes; all three read. A Customer key reads its own customer's changes (the link the intake gives it) and nothing else: 403.
/// The incident side of the link "this change caused that incident" is mapped by <c>Incidents/CausedByEndpoints.cs</c>.
/// </summary>
public static class ChangeEndpoints
{
    public static RouteGroupBuilder MapChangeEndpoints(this RouteGroupBuilder api)
    {
        MapReadableByCustomers(api.MapGroup("/changes").WithTags("Changes").RequireAuthorization(Policies.ChangeReaderOrCustomer));
        MapChanges(api.MapGroup("/changes").WithTags("Changes").RequireAuthorization(Policies.ChangeReader));
        MapFreezePeriods(api.MapGroup("/freeze-periods").WithTags("Freeze periods").RequireAuthorization(Policies.ChangeReader));
        return api;
    }

    /// <summary>What a Customer caller may read too: its own customer's changes (another customer's are 404s), read-only.</summary>
    private static void MapReadableByCustomers(RouteGroupBuilder changes)
    {
        changes.MapGet("/", async (string? status, string? type, Guid? customerId, string? productCode, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListChangesQuery(QueryValues.Enum<ChangeStatus>(status, "status"), QueryValues.Enum<ChangeType>(type, "type"),
                    customerId, productCode, new PageRequest(limit, cursor)), ct)))
            .WithName("ListChanges").WithSummary("List changes, newest first (filters: status, type, customerId, productCode); a Customer caller sees only its own customer's");

        changes.MapGet("/{number}", async (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetChangeQuery(number), ct)))
            .WithName("GetChange").WithSummary("Get a change by number (a Customer caller: its own customer's only)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapChanges(RouteGroupBuilder changes)
    {
        changes.MapPost("/", async (CreateChangeCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var change = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/changes/{change.Number}", change);
            })
            .RequireAuthorization(Policies.Staff)
            .Idempotent()
            .ProducesProblemTypes(RuleNames.ProductRetired)
            .WithName("CreateChange").WithSummary("Write a change (a Draft until submitted); no customerId means a global change")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        changes.MapGet("/conflicts", async (string? productCode, Guid? customerId, DateTimeOffset? start, DateTimeOffset? end, int? limit, string? cursor,
                    ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FindChangeConflictsQuery(productCode, customerId, start, end, new PageRequest(limit, cursor)), ct)))
            .WithName("FindChangeConflicts")
            .WithSummary("Scheduled or implementing changes overlapping [start, end) on a product, for a customer (or every customer: no customerId)")
            .WithDescription("Windows that only touch (one ends when the other starts) do not overlap. A customer's changes conflict with that customer's and with global ones.");

        changes.MapMergePatch<ChangeResponse, ChangeBody>("/{number}",
                number => new GetChangeQuery(number), (number, body, ifMatch) => new UpdateChangeCommand(number, ifMatch, body))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition, RuleNames.ProductRetired)
            .WithName("PatchChange").WithSummary("Complete or correct a Draft (merge patch): type, risk, summary, description, plans, products, customer");

        changes.MapGet("/{number}/history", async (string number, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListChangeHistoryQuery(number, new PageRequest(limit, cursor)), ct)))
            .WithName("GetChangeHistory").WithSummary("Every step of the change: who, when, old -> new")
            .ProducesProblem(StatusCodes.Status404NotFound);

        changes.MapAction("submit", (number, ifMatch) => new SubmitChangeCommand(number, ifMatch))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition, RuleNames.ChangeIncomplete, RuleNames.NotAStandardChange)
            .WithName("SubmitChange").WithSummary("Submit a complete Draft; a Standard change (Low risk, request products only) is approved at once");
        changes.MapAction("approve", (string number, DecisionBody body, string? ifMatch) => new ApproveChangeCommand(number, ifMatch, body))
            .RequireAuthorization(Policies.ChangeApprover)
            .ProducesProblemTypes(RuleNames.IllegalTransition, RuleNames.RequesterCannotApprove, RuleNames.AlreadyApproved)
            .WithName("ApproveChange").WithSummary("Approve (ChangeApprover; not the requester, once per approver); Normal needs 1 (2 at High risk), Emergency 1");
        changes.MapAction("reject", (string number, DecisionBody body, string? ifMatch) => new RejectChangeCommand(number, ifMatch, body))
            .RequireAuthorization(Policies.ChangeApprover)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("RejectChange").WithSummary("Reject (ChangeApprover): any rejection rejects the change");
        changes.MapAction("schedule", (string number, ScheduleBody body, string? ifMatch) => new ScheduleChangeCommand(number, ifMatch, body))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition, RuleNames.WindowInThePast, RuleNames.ChangeFreeze, RuleNames.ChangeConflict)
            .WithName("ScheduleChange").WithSummary("Plan the window of an approved (or re-plan a scheduled) change: not in the past, not in a freeze "
                + "(Emergency excepted), conflicts acknowledged (Normal)");
        changes.MapAction("start", (number, ifMatch) => new StartChangeCommand(number, ifMatch))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("StartChange").WithSummary("Start implementing a scheduled change (also before its window opens)");
        changes.MapAction("complete", (number, ifMatch) => new CompleteChangeCommand(number, ifMatch))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("CompleteChange").WithSummary("Implementation is done");
        changes.MapAction("review", (string number, ReviewBody body, string? ifMatch) => new ReviewChangeCommand(number, ifMatch, body))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("ReviewChange").WithSummary("Record the review outcome: Successful, Failed or RolledBack");
        changes.MapAction("close", (number, ifMatch) => new CloseChangeCommand(number, ifMatch))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("CloseChange").WithSummary("Close a reviewed change");
        changes.MapAction("cancel", (number, ifMatch) => new CancelChangeCommand(number, ifMatch))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("CancelChange").WithSummary("Cancel a change before implementation starts");
        changes.MapAction("fixes", (string number, FixBody body, string? ifMatch) => new AddChangeFixCommand(number, ifMatch, body))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("AddChangeFix").WithSummary("Record an incident or a problem this change fixes");

        changes.MapDelete("/{number}/fixes/{fixedNumber}", async (string number, string fixedNumber, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new RemoveChangeFixCommand(number, http.Request.IfMatch(), fixedNumber), ct)))
            .RequireAuthorization(Policies.Staff)
            .ProducesProblemTypes(RuleNames.IllegalTransition, RuleNames.NotLinked)
            .WithName("RemoveChangeFix").WithSummary("Remove an incident or problem from the ones this change fixes")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static void MapFreezePeriods(RouteGroupBuilder freezes)
    {
        freezes.MapGet("/", async (Guid? customerId, DateTimeOffset? from, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListFreezePeriodsQuery(customerId, from, new PageRequest(limit, cursor)), ct)))
            .WithName("ListFreezePeriods").WithSummary("Freeze periods by start (customerId: those covering the customer, global ones included; from: those ending after it)");

        freezes.MapPost("/", async (CreateFreezePeriodCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var freeze = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/freeze-periods/{freeze.Id}", freeze);
            })
            .RequireAuthorization(Policies.Manager)
            .Idempotent()
            .WithName("CreateFreezePeriod").WithSummary("Declare a freeze period (Manager): global, or for one customer")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        freezes.MapGet("/{id}", async (string id, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetFreezePeriodQuery(id), ct)))
            .WithName("GetFreezePeriod").WithSummary("Get a freeze period")
            .ProducesProblem(StatusCodes.Status404NotFound);

        freezes.MapDelete("/{id}", async (string id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteFreezePeriodCommand(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manager)
            .WithName("DeleteFreezePeriod").WithSummary("Lift a freeze period (Manager)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
