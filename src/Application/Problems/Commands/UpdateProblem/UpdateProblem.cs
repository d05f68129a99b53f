using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Application.Problems.Commands;

/// <summary>The editable fields of a problem (PATCH merges into them); root cause and workaround once it is a known error.</summary>
/// <param name="Summary" example="Mail relay drops connections under load">One line.</param>
/// <param name="Description">What is seen.</param>
/// <param name="ProductCode" example="OPS-APP-03">The product concerned.</param>
/// <param name="RootCause" example="The relay's connection pool is capped at 50.">Correctable once recorded.</param>
/// <param name="Workaround" example="Restart the relay service.">Correctable once recorded; linked incidents show the new one.</param>
public sealed record ProblemBody(string? Summary, string? Description, string? ProductCode, string? RootCause, string? Workaround);

/// <summary>Replaces a problem's editable fields (PATCH, after the merge); linked incidents show a changed workaround.</summary>
public sealed record UpdateProblemCommand(string Number, string? IfMatch, ProblemBody Body) : ICommand<ProblemResponse>;

public sealed class UpdateProblemCommandValidator : AbstractValidator<UpdateProblemCommand>
{
    public UpdateProblemCommandValidator()
    {
        RuleFor(c => c.Body.Summary).NotEmpty().MaximumLength(Problem.SummaryMaxLength);
        RuleFor(c => c.Body.Description).NotEmpty().MaximumLength(Problem.DescriptionMaxLength);
        RuleFor(c => c.Body.ProductCode!).MustBeCode().When(c => c.Body.ProductCode is not null);
        RuleFor(c => c.Body.RootCause).MaximumLength(Problem.TextMaxLength);
        RuleFor(c => c.Body.Workaround).MaximumLength(Problem.TextMaxLength);
    }
}

internal sealed class UpdateProblemHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdateProblemCommand, ProblemResponse>
{
    public async ValueTask<ProblemResponse> Handle(UpdateProblemCommand command, CancellationToken cancellationToken)
    {
        var problem = await db.LoadProblemForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        var actor = user.ToActor();
        var now = clock.GetUtcNow();
        var body = command.Body;
        await db.CheckProblemProductAsync(body.ProductCode, problem.ProductCode, cancellationToken);
        var workaround = problem.Workaround;
        problem.Update(body.Summary!, body.Description!, body.ProductCode, body.RootCause, body.Workaround, actor, now);
        if (problem.Workaround != workaround)
            await db.ShowWorkaroundOnIncidentsAsync(problem, actor, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.WithIncidentsAsync(problem.ToResponse(), cancellationToken);
    }
}
