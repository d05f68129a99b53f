using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Changes;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Body of <c>POST /incidents/{number}/caused-by</c>.</summary>
/// <param name="ChangeNumber" example="CHG000042">The change that caused the incident (implemented or being implemented).</param>
public sealed record CausedByBody(string? ChangeNumber);

/// <summary>Names the change that caused an incident (the change lists the incident in turn).</summary>
public sealed record SetCausingChangeCommand(string IncidentNumber, string? IfMatch, CausedByBody Body) : ICommand<TicketResponse>;

public sealed class SetCausingChangeCommandValidator : AbstractValidator<SetCausingChangeCommand>
{
    public SetCausingChangeCommandValidator() => RuleFor(c => c.Body.ChangeNumber).NotEmpty().MaximumLength(DeskRecord.NumberMaxLength);
}

/// <summary>A change named before in its place forgets the incident.</summary>
internal sealed class SetCausingChangeHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock, SatisfactionWeights weights) : ICommandHandler<SetCausingChangeCommand, TicketResponse>
{
    public async ValueTask<TicketResponse> Handle(SetCausingChangeCommand command, CancellationToken cancellationToken)
    {
        var incident = await db.LoadForUpdateAsync(user, TicketKind.Incident, command.IncidentNumber, command.IfMatch, cancellationToken);
        var change = await db.ReferencedChangeAsync(command.Body.ChangeNumber!.Trim(), "changeNumber", cancellationToken);
        var now = clock.GetUtcNow();
        if (incident.CausedByChange is { } previous && previous != change.Number)
            (await db.Changes.FirstOrDefaultAsync(c => c.Number == previous, cancellationToken))?.ForgetCausedIncident(incident.Number, user.ToActor(), now);
        change.RecordCausedIncident(incident.Number, user.ToActor(), now);
        incident.RecordCausingChange(change.Number, user.ToActor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return incident.ToResponse().Scored(weights);
    }
}
