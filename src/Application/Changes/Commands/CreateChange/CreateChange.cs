using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Changes;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>Body of <c>POST /changes</c>: a Draft written in full (every field but <c>customerId</c> is required).</summary>
/// <param name="Type" example="Normal">Standard, Normal or Emergency.</param>
/// <param name="Risk" example="Medium">Low, Medium or High.</param>
/// <param name="Summary" example="Upgrade core switch firmware in building B">One line.</param>
/// <param name="Description" example="Vendor advisory 2026-114: the current firmware drops VLAN trunks under load.">What and why.</param>
/// <param name="ImplementationPlan" example="1. Back up the running config. 2. Load firmware 17.9.4. 3. Reload in the window.">How it is carried out.</param>
/// <param name="BackoutPlan" example="Boot the previous image from flash and restore the saved config.">How it is undone.</param>
/// <param name="ProductCodes">The catalog products it affects, e.g. ["OPS-INF-03"].</param>
/// <param name="CustomerId">The customer it affects; omit for a global change that affects every customer.</param>
public sealed record CreateChangeCommand(
    ChangeType? Type,
    ChangeRisk? Risk,
    string? Summary,
    string? Description,
    string? ImplementationPlan,
    string? BackoutPlan,
    IReadOnlyList<string>? ProductCodes,
    Guid? CustomerId) : ICommand<ChangeResponse>
{
    public ChangeBody ToBody() => new(Type, Risk, Summary, Description, ImplementationPlan, BackoutPlan, ProductCodes, CustomerId);
}

public sealed class CreateChangeCommandValidator : AbstractValidator<CreateChangeCommand>
{
    public CreateChangeCommandValidator()
    {
        RuleFor(c => c.Type).NotNull();
        RuleFor(c => c.Risk).NotNull();
        RuleFor(c => c.ImplementationPlan).NotEmpty();
        RuleFor(c => c.BackoutPlan).NotEmpty();
        RuleFor(c => c.ProductCodes).NotEmpty();
        RuleFor(c => c.ToBody()).SetValidator(new ChangeBodyValidator()).OverridePropertyName("Body");
    }
}

internal sealed class CreateChangeHandler(IServiceDeskDbContext db, ICurrentUser user, ITicketNumbers numbers, ICustomerDirectory customers, TimeProvider clock)
    : ICommandHandler<CreateChangeCommand, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(CreateChangeCommand command, CancellationToken cancellationToken)
    {
        var body = command.ToBody();
        await db.CheckReferencesAsync(customers, body, [], cancellationToken);
        var number = await numbers.NextAsync(Change.NumberPrefix, cancellationToken);
        var change = Change.Open(number, body.ToDetails(), user.ToActor(), clock.GetUtcNow());
        db.Changes.Add(change);
        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }
}
