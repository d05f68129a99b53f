using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Customers.Commands;

/// <summary>Replaces a customer's name and contacts, and (de)activates it when the body says so.</summary>
public sealed record UpdateCustomerCommand(Guid Id, CustomerBody Body, string? IfMatch) : ICommand<CustomerResponse>;

public sealed class UpdateCustomerCommandValidator : AbstractValidator<UpdateCustomerCommand>
{
    public UpdateCustomerCommandValidator() => RuleFor(c => c.Body).SetValidator(new CustomerBodyValidator());
}

internal sealed class UpdateCustomerHandler(IServiceDeskDbContext db, ICustomerAgreementsLookup lookup)
    : ICommandHandler<UpdateCustomerCommand, CustomerResponse>
{
    public async ValueTask<CustomerResponse> Handle(UpdateCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.LoadForUpdateAsync(c => c.Id == command.Id, command.IfMatch, "Customer", command.Id, cancellationToken);
        customer.Update(command.Body.Name!, command.Body.Contacts!.Select(c => c.ToContact()), command.Body.Active ?? customer.Active);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(customer.Id);
        return customer.ToResponse();
    }
}
