using Mediator;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>Removes an incident or a problem from the ones the change fixes; 404 when it is not among them.</summary>
public sealed record RemoveChangeFixCommand(string Number, string? IfMatch, string FixedNumber) : ICommand<ChangeResponse>;

internal sealed class RemoveChangeFixHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RemoveChangeFixCommand, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(RemoveChangeFixCommand command, CancellationToken cancellationToken)
    {
        var change = await db.LoadChangeForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        var now = clock.GetUtcNow();
        if (change.FixesIncidents.Contains(command.FixedNumber, StringComparer.Ordinal))
            change.RemoveFixedIncident(command.FixedNumber, user.ToActor(), now);
        else if (change.FixesProblems.Contains(command.FixedNumber, StringComparer.Ordinal))
            change.RemoveFixedProblem(command.FixedNumber, user.ToActor(), now);
        else
            throw new NotFoundException($"Fix of change {change.Number}", command.FixedNumber);
        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }
}
