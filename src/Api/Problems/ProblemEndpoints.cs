using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Application.Problems;
using ServiceDesk.Application.Problems.Commands;
using ServiceDesk.Application.Problems.Queries;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Api.Problems;

/// <summary>Problems (Agent, Manager): the cause behind incidents, its known error, and the change that resolved it. Customer keys get 403.</summary>
public static class ProblemEndpoints
{
    public static RouteGroupBuilder MapProblemEndpoints(this RouteGroupBuilder api)
    {
        var problems = api.MapGroup("/problems").WithTags("Problems").RequireAuthorization(Policies.Staff);

        problems.MapGet("/", async (string? status, string? productCode, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListProblemsQuery(QueryValues.Enum<ProblemStatus>(status, "status"), productCode, new PageRequest(limit, cursor)), ct)))
            .WithName("ListProblems").WithSummary("List problems, newest first (filters: status, productCode)")
            .Produces<Page<ProblemResponse>>();

        problems.MapPost("/", async (CreateProblemCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var problem = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/problems/{problem.Number}", problem);
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("CreateProblem").WithSummary("Record a problem (New)")
            .Produces<ProblemResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        problems.MapGet("/{number}", async (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetProblemQuery(number), ct)))
            .WithName("GetProblem").WithSummary("Get a problem by number, with its linked incidents")
            .Produces<ProblemResponse>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        problems.MapPatch("/{number}", async (string number, ISender sender, MergePatch merge, HttpContext http, CancellationToken ct) =>
            {
                var patch = await MergePatch.ReadAsync(http.Request, ct);
                var current = await sender.Send(new GetProblemQuery(number), ct);
                var body = merge.Apply<ProblemResponse, ProblemBody>(current, patch);
                return HttpResults.Updated(http, await sender.Send(new UpdateProblemCommand(number, http.Request.IfMatch() ?? current.ETag, body), ct));
            })
            .Accepts<ProblemBody>("application/merge-patch+json", "application/json")
            .WithName("PatchProblem").WithSummary("Change summary, description, product; root cause and workaround once it is a known error (merge patch)")
            .Produces<ProblemResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        problems.MapGet("/{number}/history", async (string number, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListProblemHistoryQuery(number, new PageRequest(limit, cursor)), ct)))
            .WithName("GetProblemHistory").WithSummary("Every step of the problem: who, when, old -> new")
            .Produces<Page<HistoryResponse>>().ProducesProblem(StatusCodes.Status404NotFound);

        Action(problems, "incidents", "LinkProblemIncident", "Link an incident (it shows the problem's workaround)",
            (string number, LinkIncidentBody body, string? ifMatch) => new LinkIncidentCommand(number, ifMatch, body));
        Action(problems, "investigate", "InvestigateProblem", "Start investigating (New -> Investigating)",
            (number, ifMatch) => new SimpleProblemActionCommand(number, ifMatch, ProblemAction.Investigate));
        Action(problems, "known-error", "RecordKnownError", "Record the root cause and workaround (Investigating -> KnownError)",
            (string number, KnownErrorBody body, string? ifMatch) => new RecordKnownErrorCommand(number, ifMatch, body));
        Action(problems, "resolve", "ResolveProblem", "Resolved by a change that was implemented (KnownError -> Resolved); the change lists the problem",
            (string number, ResolveProblemBody body, string? ifMatch) => new ResolveProblemCommand(number, ifMatch, body));
        Action(problems, "close", "CloseProblem", "Close a resolved problem",
            (number, ifMatch) => new SimpleProblemActionCommand(number, ifMatch, ProblemAction.Close));

        problems.MapDelete("/{number}/incidents/{incidentNumber}", async (string number, string incidentNumber, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new UnlinkIncidentCommand(number, http.Request.IfMatch(), incidentNumber), ct)))
            .WithName("UnlinkProblemIncident").WithSummary("Unlink an incident (it no longer shows the workaround)")
            .Produces<ProblemResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return api;
    }

    private static void Action<TBody>(RouteGroupBuilder group, string action, string name, string summary, Func<string, TBody, string?, ProblemCommand> command)
        where TBody : notnull =>
        group.MapPost("/{number}/" + action, async (string number, TBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(command(number, body, http.Request.IfMatch()), ct)))
            .WithName(name).WithSummary(summary)
            .Produces<ProblemResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static void Action(RouteGroupBuilder group, string action, string name, string summary, Func<string, string?, ProblemCommand> command) =>
        group.MapPost("/{number}/" + action, async (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(command(number, http.Request.IfMatch()), ct)))
            .WithName(name).WithSummary(summary)
            .Produces<ProblemResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
