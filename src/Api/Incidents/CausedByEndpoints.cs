using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Incidents.Commands;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Api.Incidents;

/// <summary>The incident side of the link "this change caused that incident" (<c>/incidents/{number}/caused-by</c>), for staff.</summary>
public static class CausedByEndpoints
{
    public static RouteGroupBuilder MapCausedByEndpoints(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents").RequireAuthorization(Policies.Staff);

        incidents.MapPost("/{number}/caused-by", async (string number, CausedByBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new SetCausingChangeCommand(number, http.Request.IfMatch(), body), ct)))
            .ProducesProblemTypes(RuleNames.ChangeNotImplemented)
            .WithName("SetIncidentCausedBy").WithSummary("Name the change that caused the incident (the change lists it in causedIncidents)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        incidents.MapDelete("/{number}/caused-by", async (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new ClearCausingChangeCommand(number, http.Request.IfMatch()), ct)))
            .WithName("ClearIncidentCausedBy").WithSummary("Forget the change named as the incident's cause")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return api;
    }
}
