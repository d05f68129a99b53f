using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Application.Customers;

/// <summary>
/// Reads what <see cref="EntitlementPolicy"/> needs and lets it decide: the customer with all its agreements and
/// the product, both through short-lived caches, so a warm intake resolves entitlement without a round trip. The
/// policy applies validity at the instant asked, so caching every agreement (not just those in force) is exact.
/// </summary>
internal sealed class EntitlementResolver(ICustomerAgreementsLookup customers, IProductLookup products) : IEntitlementResolver
{
    public async Task<Entitlement> ResolveAsync(Guid customerId, string? productCode, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var customer = await customers.FindAsync(customerId, cancellationToken);
        if (customer is null)
            return NotEntitled(EntitlementOutcome.CustomerNotFound, "Customer not found.");
        if (!customer.Active)
            return NotEntitled(EntitlementOutcome.CustomerInactive, $"Customer {customer.Code} is inactive.");

        EntitledProduct? product = null;
        if (productCode is not null)
        {
            var found = await products.FindAsync(productCode, cancellationToken);
            if (found is null)
                return NotEntitled(EntitlementOutcome.ProductNotFound, $"Product {productCode} does not exist.");
            product = new EntitledProduct(found.Code, found.LineCode, found.IsRetired);
        }

        var decision = EntitlementPolicy.Decide(customer.Code, product, customer.Agreements, at.ToUniversalTime());
        return new Entitlement(customerId, productCode, decision.Entitled, decision.ServiceLevelCode, decision.AgreementId, decision.Reason, decision.Outcome);

        Entitlement NotEntitled(EntitlementOutcome outcome, string reason) => new(customerId, productCode, false, null, null, reason, outcome);
    }
}
