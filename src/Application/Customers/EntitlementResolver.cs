using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Application.Customers;

/// <summary>
/// Reads what <see cref="EntitlementPolicy"/> needs and lets it decide: the customer (by key), the product (by key) and
/// ONE query for the candidate agreements (the customer's agreements in force at the instant that list the product
/// or cover its line, with their level's rank), served by the (CustomerId, ValidFrom, SortKey) index and the
/// (AgreementId, ProductCode) key of the agreement products.
/// </summary>
internal sealed class EntitlementResolver(IServiceDeskDbContext db) : IEntitlementResolver
{
    public async Task<Entitlement> ResolveAsync(Guid customerId, string? productCode, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId)
            .Select(c => new { c.Code, c.Active })
            .FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
            return NotEntitled("Customer not found.");
        if (!customer.Active)
            return NotEntitled($"Customer {customer.Code} is inactive.");

        EntitledProduct? product = null;
        if (productCode is not null)
        {
            product = await db.Products.AsNoTracking()
                .Where(p => p.Code == productCode)
                .Select(p => new EntitledProduct(p.Code, p.LineCode, p.Status == ProductStatus.Retired))
                .FirstOrDefaultAsync(cancellationToken);
            if (product is null)
                return NotEntitled($"Product {productCode} does not exist.");
        }

        var instant = at.ToUniversalTime();
        var candidates = product is { Retired: true } ? [] : await CandidatesAsync(customerId, product, instant, cancellationToken);
        var decision = EntitlementPolicy.Decide(customer.Code, product, candidates, instant);
        return new Entitlement(customerId, productCode, decision.Entitled, decision.ServiceLevelCode, decision.AgreementId, decision.Reason);

        Entitlement NotEntitled(string reason) => new(customerId, productCode, false, null, null, reason);
    }

    private async Task<List<EntitlementCandidate>> CandidatesAsync(Guid customerId, EntitledProduct? product, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var inForce = db.Agreements.AsNoTracking().Where(a =>
            a.CustomerId == customerId
            && a.ValidFrom <= at
            && (a.ValidTo == null || a.ValidTo > at)
            && (a.CancelledAt == null || a.CancelledAt > at));

        var code = product?.Code;
        var line = product?.LineCode;
        if (product is not null)
            inForce = inForce.Where(a => a.ProductLineCode == line || a.Products.Any(p => p.ProductCode == code));

        var rows = await inForce
            .Join(db.ServiceLevels, a => a.ServiceLevelCode, l => l.Code, (a, l) => new
            {
                a.Id,
                a.ServiceLevelCode,
                l.Rank,
                a.ProductLineCode,
                ListsProduct = code != null && a.Products.Any(p => p.ProductCode == code),
                a.ValidFrom,
                a.ValidTo,
                a.CancelledAt,
            })
            .ToListAsync(cancellationToken);

        return rows
            .Select(r => new EntitlementCandidate(
                r.Id,
                r.ServiceLevelCode,
                r.Rank,
                r.ProductLineCode,
                r.ListsProduct ? [code!] : [],
                r.ValidFrom,
                r.ValidTo,
                r.CancelledAt))
            .ToList();
    }
}
