using FluentValidation;
using Mediator;
using ServiceDesk.Application.Changes;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Application.Problems.Commands;

/// <summary>Body of <c>resolve</c>.</summary>
/// <param name="ChangeNumber" example="CHG000042">The change that fixed it (implemented, not failed).</param>
public sealed record ResolveProblemBody(string? ChangeNumber);

/// <summary>Resolves a known error by the change that fixed it (KnownError -> Resolved); the change lists the problem.</summary>
public sealed record ResolveProblemCommand(string Number, string? IfMatch, ResolveProblemBody Body) : ICommand<ProblemResponse>;

public sealed class ResolveProblemCommandValidator : AbstractValidator<ResolveProblemCommand>
{
    public ResolveProblemCommandValidator() => RuleFor(c => c.Body.ChangeNumber).NotEmpty().MaximumLength(DeskRecord.NumberMaxLength);
}

internal sealed class ResolveProblemHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ResolveProblemCommand, ProblemResponse>
{
    public async ValueTask<ProblemResponse> Handle(ResolveProblemCommand command, CancellationToken cancellationToken)
    {
        var problem = await db.LoadProblemForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        var now = clock.GetUtcNow();
        var change = await db.ReferencedChangeAsync(command.Body.ChangeNumber!.Trim(), "changeNumber", cancellationToken);
        problem.Resolve(change, user.ToActor(), now);
        change.AddFixedProblem(problem.Number, user.ToActor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return await db.WithIncidentsAsync(problem.ToResponse(), cancellationToken);
    }
}
