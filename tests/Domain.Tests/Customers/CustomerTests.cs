using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Domain.Tests.Customers;

/// <summary>Customers: codes, names, contacts, the active flag.</summary>
public class CustomerTests
{
    private static Customer Acme() => new(Guid.NewGuid(), "ACME", "ACME Manufacturing", [new Contact(" Li Wei ", "li.wei@acme.example", null)]);

    [Fact]
    public void A_new_customer_is_active_with_trimmed_contacts()
    {
        var customer = Acme();

        Assert.True(customer.Active);
        Assert.Equal("Li Wei", Assert.Single(customer.Contacts).Name);
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("-ACME")]
    [InlineData("")]
    public void A_code_outside_A_Z_0_9_and_dash_is_refused(string code) =>
        Assert.Equal("code", Assert.Throws<DomainException>(() => new Customer(Guid.NewGuid(), code, "Name", [])).Field);

    [Fact]
    public void A_contact_without_a_name_is_refused_naming_its_position() =>
        Assert.Equal("contacts[1].name", Assert.Throws<DomainException>(() =>
            new Customer(Guid.NewGuid(), "ACME", "ACME", [new Contact("A", null, null), new Contact(" ", null, null)])).Field);

    [Fact]
    public void A_contact_email_must_look_like_an_address() =>
        Assert.Equal("contacts[0].email", Assert.Throws<DomainException>(() =>
            new Customer(Guid.NewGuid(), "ACME", "ACME", [new Contact("A", "not-an-address", null)])).Field);

    [Fact]
    public void A_refused_update_leaves_the_customer_as_it_was()
    {
        var customer = Acme();

        Assert.Throws<DomainException>(() => customer.Update("Renamed", [new Contact("", null, null)], active: false));

        Assert.Equal("ACME Manufacturing", customer.Name);
        Assert.True(customer.Active);
    }

    [Fact]
    public void An_inactive_customer_is_refused_for_something_new()
    {
        var customer = Acme();
        customer.Update(customer.Name, customer.Contacts, active: false);

        Assert.Equal("customer-inactive", Assert.Throws<DomainException>(customer.EnsureActive).Rule);
    }
}
