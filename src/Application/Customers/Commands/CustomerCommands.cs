using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Application.Customers.Commands;

/// <summary>A person at the customer.</summary>
/// <param name="Name" example="Li Wei">Full name.</param>
/// <param name="Email" example="li.wei@acme.example">Email address (optional).</param>
/// <param name="Phone" example="+86 21 5555 0100">Phone number (optional).</param>
public sealed record ContactBody(string? Name, string? Email, string? Phone);

/// <summary>Body of <c>POST /customers</c>.</summary>
/// <param name="Code" example="ACME">New, unique code: up to 32 of A-Z, 0-9, '-'. It never changes.</param>
/// <param name="Name" example="ACME Manufacturing Ltd.">Display name.</param>
/// <param name="Contacts">People at the customer (may be empty).</param>
public sealed record CreateCustomerCommand(string? Code, string? Name, IReadOnlyList<ContactBody>? Contacts) : ICommand<CustomerResponse>;

/// <summary>Body of <c>PUT /customers/{id}</c>: replaces the name and contacts; the code never changes.</summary>
/// <param name="Name" example="ACME Manufacturing Ltd.">Display name.</param>
/// <param name="Contacts">People at the customer (may be empty).</param>
/// <param name="Active" example="true">Optional: false deactivates the customer (entitled to nothing), true reactivates it; left out: unchanged.</param>
public sealed record CustomerBody(string? Name, IReadOnlyList<ContactBody>? Contacts, bool? Active);

public sealed record UpdateCustomerCommand(Guid Id, CustomerBody Body, string? IfMatch) : ICommand<CustomerResponse>;

public sealed class ContactBodyValidator : AbstractValidator<ContactBody>
{
    public ContactBodyValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Contact.NameMaxLength);
        RuleFor(c => c.Email).MaximumLength(Contact.EmailMaxLength).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Phone).MaximumLength(Contact.PhoneMaxLength);
    }
}

public sealed class CustomerBodyValidator : AbstractValidator<CustomerBody>
{
    public CustomerBodyValidator()
    {
        RuleFor(b => b.Name).NotEmpty().MaximumLength(Customer.NameMaxLength);
        RuleFor(b => b.Contacts).NotNull().Must(c => c is null || c.Count <= Customer.MaxContacts)
            .WithMessage($"A customer has at most {Customer.MaxContacts} contacts.");
        RuleForEach(b => b.Contacts).NotNull().SetValidator(new ContactBodyValidator());
    }
}

public sealed class CreateCustomerCommandValidator : AbstractValidator<CreateCustomerCommand>
{
    public CreateCustomerCommandValidator()
    {
        RuleFor(c => c.Code).MustBeCode();
        RuleFor(c => new CustomerBody(c.Name, c.Contacts, null))
            .SetValidator(new CustomerBodyValidator()).OverridePropertyName("Body");
    }
}

public sealed class UpdateCustomerCommandValidator : AbstractValidator<UpdateCustomerCommand>
{
    public UpdateCustomerCommandValidator() => RuleFor(c => c.Body).SetValidator(new CustomerBodyValidator());
}

internal sealed class CustomerCommandsHandler(IServiceDeskDbContext db, ICustomerAgreementsLookup lookup, TimeProvider clock)
    : ICommandHandler<CreateCustomerCommand, CustomerResponse>,
      ICommandHandler<UpdateCustomerCommand, CustomerResponse>
{
    public async ValueTask<CustomerResponse> Handle(CreateCustomerCommand command, CancellationToken cancellationToken)
    {
        if (await db.Customers.AnyAsync(c => c.Code == command.Code, cancellationToken))
            throw ConflictException.Duplicate("customer", "code", command.Code!);

        var customer = new Customer(Guid.CreateVersion7(clock.GetUtcNow()), command.Code!, command.Name!, Contacts(command.Contacts!));
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(customer.Id);
        return customer.ToResponse();
    }

    public async ValueTask<CustomerResponse> Handle(UpdateCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Customer", command.Id);
        if (!ETags.Matches(command.IfMatch, ETags.FromVersion(customer.Version)))
            throw new PreconditionFailedException("Customer", command.Id);

        customer.Update(command.Body.Name!, Contacts(command.Body.Contacts!), command.Body.Active ?? customer.Active);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(customer.Id);
        return customer.ToResponse();
    }

    private static IEnumerable<Contact> Contacts(IReadOnlyList<ContactBody> contacts) =>
        contacts.Select(c => new Contact(c.Name!, c.Email, c.Phone));
}
