using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Customers;

/// <summary>A customer organisation: it buys agreements and raises tickets through its contacts.</summary>
public sealed class Customer : Entity
{
    public const int NameMaxLength = 200;
    public const int MaxContacts = 50;

    private Customer()
    {
        Code = Name = string.Empty;
    }

    public Customer(Guid id, string code, string name, IEnumerable<Contact> contacts)
    {
        if (id == Guid.Empty)
            throw new ArgumentException("A customer needs an id.", nameof(id));
        Id = id;
        Code = Guard.Code(code);
        Name = string.Empty;
        Update(name, contacts, active: true);
    }

    public Guid Id { get; private set; }

    /// <summary>Stable, client-chosen key (e.g. ACME); unlike the name it never changes.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>An inactive customer keeps its history but is entitled to nothing and gets no new agreements.</summary>
    public bool Active { get; private set; }

    public IReadOnlyList<Contact> Contacts { get; private set; } = [];

    /// <summary>Replaces the name, the contacts and the active flag; nothing changes unless all are valid.</summary>
    public void Update(string name, IEnumerable<Contact> contacts, bool active)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var newName = Guard.Required(name, "name", NameMaxLength);
        var newContacts = contacts.Select(Contact.Checked).ToList();
        if (newContacts.Count > MaxContacts)
            throw DomainException.Invalid("contacts", $"A customer has at most {MaxContacts} contacts.");

        Name = newName;
        Contacts = newContacts;
        Active = active;
    }

    /// <summary>Refuses an inactive customer for something new (an agreement).</summary>
    public void EnsureActive()
    {
        if (!Active)
            throw new DomainException(RuleNames.CustomerInactive, $"Customer {Code} is inactive; reactivate it before giving it new agreements.", DomainErrorKind.Unprocessable, "customerId");
    }
}

/// <summary>A person at the customer the desk talks to.</summary>
public sealed record Contact(string Name, string? Email, string? Phone)
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 50;

    /// <summary>Trimmed, with the field of any problem named by its position (<c>contacts[2].name</c>).</summary>
    internal static Contact Checked(Contact contact, int index)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var field = $"contacts[{index}]";
        var email = Guard.Optional(contact.Email, field + ".email", EmailMaxLength);
        if (email is not null && (email.IndexOf('@', StringComparison.Ordinal) is <= 0 || email.EndsWith('@') || email.Contains(' ', StringComparison.Ordinal)))
            throw DomainException.Invalid(field + ".email", $"'{field}.email' is not an email address.");
        return new Contact(
            Guard.Required(contact.Name, field + ".name", NameMaxLength),
            email,
            Guard.Optional(contact.Phone, field + ".phone", PhoneMaxLength));
    }
}
