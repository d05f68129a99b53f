using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Problems;
using ServiceDesk.Application.Problems.Commands;
using ServiceDesk.Application.Problems.Queries;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Api.Problems;

/// <summary>Problems (Agent, Manager): the cause behind incidents, its known error, and the change that resolved it. Customer keys get 403.</summary>
public static class ProblemEndpoints
{
    public static RouteGroupBuilder MapProblemEndpoints(this RouteGroupBuilder api)
    {
        var problems = api.MapGroup("/problems").WithTags("Problems").RequireAuthorization(Policies.Staff);

        problems.MapGet("/", async (string? status, string? productCode, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListProblemsQuery(QueryValues.Enum<ProblemStatus>(status, "status"), productCode, new PageRequest(limit, cursor)), ct)))
            .WithName("ListProblems").WithSummary("List problems, newest first (filters: status, productCode)");

        problems.MapPost("/", async (CreateProblemCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var problem = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/problems/{problem.Number}", problem);
            })
            .Idempotent()
            .ProducesProblemTypes(RuleNames.ProductRetired)
            .WithName("CreateProblem").WithSummary("Record a problem (New)")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        problems.MapGet("/{number}", async (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetProblemQuery(number), ct)))
            .WithName("GetProblem").WithSummary("Get a problem by number, with its linked incidents")
            .ProducesProblem(StatusCodes.Status404NotFound);

        problems.MapMergePatch<ProblemResponse, ProblemBody>("/{number}",
                number => new GetProblemQuery(number), (number, body, ifMatch) => new UpdateProblemCommand(number, ifMatch, body))
            .ProducesProblemTypes(RuleNames.IllegalTransition, RuleNames.NotAKnownError, RuleNames.ProductRetired)
            .WithName("PatchProblem").WithSummary("Change summary, description, product; root cause and workaround once it is a known error (merge patch)");

        problems.MapGet("/{number}/history", async (string number, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListProblemHistoryQuery(number, new PageRequest(limit, cursor)), ct)))
            .WithName("GetProblemHistory").WithSummary("Every step of the problem: who, when, old -> new")
            .ProducesProblem(StatusCodes.Status404NotFound);

        problems.MapAction("incidents", (string number, LinkIncidentBody body, string? ifMatch) => new LinkIncidentCommand(number, ifMatch, body))
            .ProducesProblemTypes(RuleNames.IllegalTransition, RuleNames.AlreadyLinked, RuleNames.IncidentAlreadyLinked)
            .WithName("LinkProblemIncident").WithSummary("Link an incident (it shows the problem's workaround)");
        problems.MapAction("investigate", (number, ifMatch) => new InvestigateProblemCommand(number, ifMatch))
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("InvestigateProblem").WithSummary("Start investigating (New -> Investigating)");
        problems.MapAction("known-error", (string number, KnownErrorBody body, string? ifMatch) => new RecordKnownErrorCommand(number, ifMatch, body))
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("RecordKnownError").WithSummary("Record the root cause and workaround (Investigating -> KnownError)");
        problems.MapAction("resolve", (string number, ResolveProblemBody body, string? ifMatch) => new ResolveProblemCommand(number, ifMatch, body))
            .ProducesProblemTypes(RuleNames.IllegalTransition, RuleNames.ChangeNotImplemented, RuleNames.ChangeNotSuccessful)
            .WithName("ResolveProblem").WithSummary("Resolved by a change that was implemented (KnownError -> Resolved); the change lists the problem");
        problems.MapAction("close", (number, ifMatch) => new CloseProblemCommand(number, ifMatch))
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("CloseProblem").WithSummary("Close a resolved problem");

        problems.MapDelete("/{number}/incidents/{incidentNumber}", async (string number, string incidentNumber, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new UnlinkIncidentCommand(number, http.Request.IfMatch(), incidentNumber), ct)))
            .ProducesProblemTypes(RuleNames.IllegalTransition, RuleNames.NotLinked)
            .WithName("UnlinkProblemIncident").WithSummary("Unlink an incident (it no longer shows the workaround)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return api;
    }
}
