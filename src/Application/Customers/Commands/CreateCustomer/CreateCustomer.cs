using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Application.Customers.Commands;

/// <summary>Body of <c>POST /customers</c>.</summary>
/// <param name="Code" example="ACME">New, unique code: up to 32 of A-Z, 0-9, '-'. It never changes.</param>
/// <param name="Name" example="ACME Manufacturing Ltd.">Display name.</param>
/// <param name="Contacts">People at the customer (may be empty).</param>
public sealed record CreateCustomerCommand(string? Code, string? Name, IReadOnlyList<ContactBody>? Contacts) : ICommand<CustomerResponse>;

public sealed class CreateCustomerCommandValidator : AbstractValidator<CreateCustomerCommand>
{
    public CreateCustomerCommandValidator()
    {
        RuleFor(c => c.Code).MustBeCode();
        RuleFor(c => new CustomerBody(c.Name, c.Contacts, null))
            .SetValidator(new CustomerBodyValidator()).OverridePropertyName("Body");
    }
}

internal sealed class CreateCustomerHandler(IServiceDeskDbContext db, ICustomerAgreementsLookup lookup, TimeProvider clock)
    : ICommandHandler<CreateCustomerCommand, CustomerResponse>
{
    public async ValueTask<CustomerResponse> Handle(CreateCustomerCommand command, CancellationToken cancellationToken)
    {
        if (await db.Customers.AnyAsync(c => c.Code == command.Code, cancellationToken))
            throw ConflictException.Duplicate("customer", "code", command.Code!);

        var customer = new Customer(Guid.CreateVersion7(clock.GetUtcNow()), command.Code!, command.Name!, command.Contacts!.Select(c => c.ToContact()));
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(customer.Id);
        return customer.ToResponse();
    }
}
