using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Problems.Commands;

/// <summary>Starts investigating a new problem (New -> Investigating).</summary>
public sealed record InvestigateProblemCommand(string Number, string? IfMatch) : ICommand<ProblemResponse>;

internal sealed class InvestigateProblemHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<InvestigateProblemCommand, ProblemResponse>
{
    public async ValueTask<ProblemResponse> Handle(InvestigateProblemCommand command, CancellationToken cancellationToken)
    {
        var problem = await db.LoadProblemForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        problem.Investigate(user.ToActor(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.WithIncidentsAsync(problem.ToResponse(), cancellationToken);
    }
}
