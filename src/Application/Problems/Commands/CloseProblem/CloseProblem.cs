using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Problems.Commands;

/// <summary>Closes a resolved problem.</summary>
public sealed record CloseProblemCommand(string Number, string? IfMatch) : ICommand<ProblemResponse>;

internal sealed class CloseProblemHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CloseProblemCommand, ProblemResponse>
{
    public async ValueTask<ProblemResponse> Handle(CloseProblemCommand command, CancellationToken cancellationToken)
    {
        var problem = await db.LoadProblemForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        problem.Close(user.ToActor(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.WithIncidentsAsync(problem.ToResponse(), cancellationToken);
    }
}
