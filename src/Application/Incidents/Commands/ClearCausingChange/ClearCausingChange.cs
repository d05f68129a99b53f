using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Forgets the change named as an incident's cause (the change forgets the incident in turn); 404 when none is named.</summary>
public sealed record ClearCausingChangeCommand(string IncidentNumber, string? IfMatch) : ICommand<TicketResponse>;

internal sealed class ClearCausingChangeHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock, SatisfactionWeights weights) : ICommandHandler<ClearCausingChangeCommand, TicketResponse>
{
    public async ValueTask<TicketResponse> Handle(ClearCausingChangeCommand command, CancellationToken cancellationToken)
    {
        var incident = await db.LoadForUpdateAsync(user, TicketKind.Incident, command.IncidentNumber, command.IfMatch, cancellationToken);
        if (incident.CausedByChange is not { } previous)
            throw new NotFoundException($"Causing change of incident {incident.Number}", incident.Number);
        var now = clock.GetUtcNow();
        var change = await db.Changes.FirstOrDefaultAsync(c => c.Number == previous, cancellationToken);
        if (change is not null && change.CausedIncidents.Contains(incident.Number, StringComparer.Ordinal))
            change.ForgetCausedIncident(incident.Number, user.ToActor(), now);
        incident.RecordCausingChange(null, user.ToActor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return incident.ToResponse().Scored(weights);
    }
}
