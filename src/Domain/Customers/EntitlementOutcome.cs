namespace ServiceDesk.Domain.Customers;

/// <summary>
/// What an entitlement check decided, for code to branch on; the reason that goes with it is for people and may be
/// reworded freely.
/// </summary>
public enum EntitlementOutcome
{
    /// <summary>An agreement in force covers it.</summary>
    Entitled,

    /// <summary>No customer has the id asked about.</summary>
    CustomerNotFound,

    /// <summary>The customer exists but is inactive.</summary>
    CustomerInactive,

    /// <summary>No product has the code asked about.</summary>
    ProductNotFound,

    /// <summary>The product is retired: no agreement entitles it.</summary>
    ProductRetired,

    /// <summary>No product was given and the customer has no agreement in force.</summary>
    NoAgreementInForce,

    /// <summary>No agreement in force covers the product or its line.</summary>
    NotCovered,
}
