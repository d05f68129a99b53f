using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Application.Problems.Commands;

/// <summary>Body of <c>POST /problems/{number}/incidents</c>.</summary>
/// <param name="IncidentNumber" example="INC000042">The incident to link.</param>
public sealed record LinkIncidentBody(string? IncidentNumber);

/// <summary>Links an incident to the problem; the incident shows the problem's workaround.</summary>
public sealed record LinkIncidentCommand(string Number, string? IfMatch, LinkIncidentBody Body) : ICommand<ProblemResponse>;

public sealed class LinkIncidentCommandValidator : AbstractValidator<LinkIncidentCommand>
{
    public LinkIncidentCommandValidator() => RuleFor(c => c.Body.IncidentNumber).NotEmpty().MaximumLength(DeskRecord.NumberMaxLength);
}

internal sealed class LinkIncidentHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<LinkIncidentCommand, ProblemResponse>
{
    public async ValueTask<ProblemResponse> Handle(LinkIncidentCommand command, CancellationToken cancellationToken)
    {
        var problem = await db.LoadProblemForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        var actor = user.ToActor();
        var now = clock.GetUtcNow();
        // The incident is named in the body, so a missing one is a bad field, not a missing resource.
        var number = command.Body.IncidentNumber!.Trim();
        var incident = await db.Tickets.FirstOrDefaultAsync(t => t.Number == number && t.Kind == TicketKind.Incident, cancellationToken)
            ?? throw new RequestValidationException("incidentNumber", $"Incident '{number}' does not exist.");
        problem.LinkIncident(incident.Number, actor, now);
        incident.LinkToProblem(problem.Number, problem.Workaround, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await db.WithIncidentsAsync(problem.ToResponse(), cancellationToken);
    }
}
