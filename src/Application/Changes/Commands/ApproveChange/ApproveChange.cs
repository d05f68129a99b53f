using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>An approver's yes (not the requester's, once per approver); the change is Approved once it has the approvals its type and risk need.</summary>
public sealed record ApproveChangeCommand(string Number, string? IfMatch, DecisionBody Body) : ICommand<ChangeResponse>;

public sealed class ApproveChangeCommandValidator : AbstractValidator<ApproveChangeCommand>
{
    public ApproveChangeCommandValidator() => RuleFor(c => c.Body).SetValidator(new DecisionBodyValidator());
}

internal sealed class ApproveChangeHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ApproveChangeCommand, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(ApproveChangeCommand command, CancellationToken cancellationToken)
    {
        var change = await db.LoadChangeForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        change.Approve(command.Body.Comment!, user.ToActor(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }
}
