using FluentValidation;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Application.Customers.Commands;

/// <summary>Body of <c>PUT /customers/{id}</c>: replaces the name and contacts; the code never changes.</summary>
/// <param name="Name" example="ACME Manufacturing Ltd.">Display name.</param>
/// <param name="Contacts">People at the customer (may be empty).</param>
/// <param name="Active" example="true">Optional: false deactivates the customer (entitled to nothing), true reactivates it; left out: unchanged.</param>
public sealed record CustomerBody(string? Name, IReadOnlyList<ContactBody>? Contacts, bool? Active);

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
