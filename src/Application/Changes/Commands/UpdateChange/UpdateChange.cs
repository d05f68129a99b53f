using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>Completes or corrects a Draft (PATCH, after the merge); products newly named must not be retired.</summary>
public sealed record UpdateChangeCommand(string Number, string? IfMatch, ChangeBody Body) : ICommand<ChangeResponse>;

public sealed class UpdateChangeCommandValidator : AbstractValidator<UpdateChangeCommand>
{
    public UpdateChangeCommandValidator() => RuleFor(c => c.Body).SetValidator(new ChangeBodyValidator());
}

internal sealed class UpdateChangeHandler(IServiceDeskDbContext db, ICurrentUser user, ICustomerDirectory customers, TimeProvider clock)
    : ICommandHandler<UpdateChangeCommand, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(UpdateChangeCommand command, CancellationToken cancellationToken)
    {
        var change = await db.LoadChangeForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        await db.CheckReferencesAsync(customers, command.Body, change.ProductCodes, cancellationToken);
        change.Update(command.Body.ToDetails(), user.ToActor(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }
}
