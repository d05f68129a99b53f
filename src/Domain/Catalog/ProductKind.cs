namespace ServiceDesk.Domain.Catalog;

/// <summary>How a product is consumed (serialised in lower camel case: support, request, recurring).</summary>
public enum ProductKind
{
    /// <summary>Covered by an agreement and used through incidents.</summary>
    Support,

    /// <summary>Ordered one at a time as a service request.</summary>
    Request,

    /// <summary>Delivered on a schedule.</summary>
    Recurring,
}

public enum DeliveryMode
{
    Remote,
    OnSite,
}

public enum ProductStatus
{
    Active,
    Retired,
}
