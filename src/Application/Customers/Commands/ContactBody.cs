using FluentValidation;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Application.Customers.Commands;

/// <summary>A person at the customer.</summary>
/// <param name="Name" example="Li Wei">Full name.</param>
/// <param name="Email" example="li.wei@acme.example">Email address (optional).</param>
/// <param name="Phone" example="+86 21 5555 0100">Phone number (optional).</param>
public sealed record ContactBody(string? Name, string? Email, string? Phone)
{
    /// <summary>The contact as a domain value (its validator has checked it).</summary>
    internal Contact ToContact() => new(Name!, Email, Phone);
}

public sealed class ContactBodyValidator : AbstractValidator<ContactBody>
{
    public ContactBodyValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Contact.NameMaxLength);
        RuleFor(c => c.Email).MaximumLength(Contact.EmailMaxLength).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Phone).MaximumLength(Contact.PhoneMaxLength);
    }
}
