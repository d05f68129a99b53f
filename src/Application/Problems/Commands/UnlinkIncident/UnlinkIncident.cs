using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Problems.Commands;

/// <summary>Unlinks an incident from the problem; the incident no longer shows the workaround.</summary>
public sealed record UnlinkIncidentCommand(string Number, string? IfMatch, string IncidentNumber) : ICommand<ProblemResponse>;

internal sealed class UnlinkIncidentHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UnlinkIncidentCommand, ProblemResponse>
{
    public async ValueTask<ProblemResponse> Handle(UnlinkIncidentCommand command, CancellationToken cancellationToken)
    {
        var problem = await db.LoadProblemForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        var actor = user.ToActor();
        var now = clock.GetUtcNow();
        var incident = await db.Tickets.FirstOrDefaultAsync(t => t.Number == command.IncidentNumber && t.Kind == TicketKind.Incident && t.ProblemNumber == problem.Number, cancellationToken)
            ?? throw new NotFoundException($"Incident linked to problem {problem.Number}", command.IncidentNumber);
        problem.UnlinkIncident(incident.Number, actor, now);
        incident.UnlinkFromProblem(actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await db.WithIncidentsAsync(problem.ToResponse(), cancellationToken);
    }
}
