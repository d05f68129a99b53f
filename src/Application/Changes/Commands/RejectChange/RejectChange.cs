using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>An approver's no: any rejection rejects the change.</summary>
public sealed record RejectChangeCommand(string Number, string? IfMatch, DecisionBody Body) : ICommand<ChangeResponse>;

public sealed class RejectChangeCommandValidator : AbstractValidator<RejectChangeCommand>
{
    public RejectChangeCommandValidator() => RuleFor(c => c.Body).SetValidator(new DecisionBodyValidator());
}

internal sealed class RejectChangeHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RejectChangeCommand, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(RejectChangeCommand command, CancellationToken cancellationToken)
    {
        var change = await db.LoadChangeForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        change.Reject(command.Body.Comment!, user.ToActor(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }
}
