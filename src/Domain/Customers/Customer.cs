using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Customers;

/// <summary>A customer organisation: it buys agreements and raises tickets through its contacts.</summary>
public sealed class Customer : Entity
{
    public const int NameMaxLength = 200;

    private Customer()
    {
        Code = Name = string.Empty;
    }

    public Customer(Guid id, string code, string name, IEnumerable<Contact> contacts)
    {
        Id = id;
        Code = Guard.Code(code);
        Name = string.Empty;
        Update(name, contacts, active: true);
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public bool Active { get; private set; }

    public IReadOnlyList<Contact> Contacts { get; private set; } = [];

    public void Update(string name, IEnumerable<Contact> contacts, bool active)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        Name = Guard.Required(name, "name", NameMaxLength);
        Contacts = contacts.ToList();
        Active = active;
    }
}

/// <summary>A person at the customer the desk talks to.</summary>
public sealed record Contact(string Name, string? Email, string? Phone);
