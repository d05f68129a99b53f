using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Changes;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>Body of <c>POST /changes</c>: a Draft written in full (every field but <c>customerId</c> is required).</summary>
public sealed record CreateChangeCommand : ChangeBody, ICommand<ChangeResponse>;

public sealed class CreateChangeCommandValidator : AbstractValidator<CreateChangeCommand>
{
    public CreateChangeCommandValidator()
    {
        RuleFor(c => c.Type).NotNull();
        RuleFor(c => c.Risk).NotNull();
        RuleFor(c => c.ImplementationPlan).NotEmpty();
        RuleFor(c => c.BackoutPlan).NotEmpty();
        RuleFor(c => c.ProductCodes).NotEmpty();
        Include(new ChangeBodyValidator());
    }
}

internal sealed class CreateChangeHandler(IServiceDeskDbContext db, ICurrentUser user, ITicketNumbers numbers, ICustomerDirectory customers, TimeProvider clock)
    : ICommandHandler<CreateChangeCommand, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(CreateChangeCommand command, CancellationToken cancellationToken)
    {
        await db.CheckReferencesAsync(customers, command, [], cancellationToken);
        var number = await numbers.NextAsync(Change.NumberPrefix, cancellationToken);
        var change = Change.Open(number, command.ToDetails(), user.ToActor(), clock.GetUtcNow());
        db.Changes.Add(change);
        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }
}
