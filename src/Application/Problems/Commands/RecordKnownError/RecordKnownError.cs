using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Application.Problems.Commands;

/// <summary>Body of <c>known-error</c>.</summary>
/// <param name="RootCause" example="The relay's connection pool is capped at 50.">Why it happens.</param>
/// <param name="Workaround" example="Restart the relay service; mail queued meanwhile is delivered.">How users get going meanwhile.</param>
public sealed record KnownErrorBody(string? RootCause, string? Workaround);

/// <summary>Records the root cause and workaround (Investigating -> KnownError); linked incidents show the workaround.</summary>
public sealed record RecordKnownErrorCommand(string Number, string? IfMatch, KnownErrorBody Body) : ICommand<ProblemResponse>;

public sealed class RecordKnownErrorCommandValidator : AbstractValidator<RecordKnownErrorCommand>
{
    public RecordKnownErrorCommandValidator()
    {
        RuleFor(c => c.Body.RootCause).NotEmpty().MaximumLength(Problem.TextMaxLength);
        RuleFor(c => c.Body.Workaround).NotEmpty().MaximumLength(Problem.TextMaxLength);
    }
}

internal sealed class RecordKnownErrorHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordKnownErrorCommand, ProblemResponse>
{
    public async ValueTask<ProblemResponse> Handle(RecordKnownErrorCommand command, CancellationToken cancellationToken)
    {
        var problem = await db.LoadProblemForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        var actor = user.ToActor();
        var now = clock.GetUtcNow();
        problem.RecordKnownError(command.Body.RootCause!, command.Body.Workaround!, actor, now);
        await db.ShowWorkaroundOnIncidentsAsync(problem, actor, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.WithIncidentsAsync(problem.ToResponse(), cancellationToken);
    }
}
