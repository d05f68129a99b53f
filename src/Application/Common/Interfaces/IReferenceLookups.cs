using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Application.Common.Interfaces;

/// <summary>
/// The product facts intake and entitlement need, read through a short-lived cache so that raising a ticket does
/// not cost a round trip per reference. Catalog writes on this instance invalidate at once; other instances see a
/// change within the cache lifetime (README, "Caches").
/// </summary>
public interface IProductLookup
{
    ValueTask<ProductSnapshot?> FindAsync(string code, CancellationToken cancellationToken);

    void Invalidate(string code);
}

public sealed record ProductSnapshot(string Code, string LineCode, string SeriesCode, ProductKind Kind, ProductStatus Status)
{
    public bool IsRetired => Status == ProductStatus.Retired;
}

/// <summary>A customer's agreements (all of them: validity is decided at the instant asked), cached like products.</summary>
public interface ICustomerAgreementsLookup
{
    ValueTask<CustomerAgreements?> FindAsync(Guid customerId, CancellationToken cancellationToken);

    void Invalidate(Guid customerId);
}

public sealed record CustomerAgreements(Guid CustomerId, string Code, bool Active, IReadOnlyList<EntitlementCandidate> Agreements);
