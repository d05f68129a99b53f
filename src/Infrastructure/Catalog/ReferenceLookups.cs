using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Infrastructure.Catalog;

/// <summary>Products and customers' agreements by key, each read at most once per <see cref="Lifetime"/> (or until a local write).</summary>
internal sealed class ReferenceLookups(ServiceDeskDbContext db, IMemoryCache cache) : IProductLookup, ICustomerAgreementsLookup
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async ValueTask<ProductSnapshot?> FindAsync(string code, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(ProductKey(code), out ProductSnapshot? cached))
            return cached;
        var product = await db.Products.AsNoTracking()
            .Where(p => p.Code == code)
            .Select(p => new ProductSnapshot(p.Code, p.LineCode, p.SeriesCode, p.Kind, p.Status))
            .FirstOrDefaultAsync(cancellationToken);
        cache.Set(ProductKey(code), product, Lifetime);
        return product;
    }

    public void Invalidate(string code) => cache.Remove(ProductKey(code));

    /// <summary>One query: the customer with every agreement, its level's rank and its product list.</summary>
    public async ValueTask<CustomerAgreements?> FindAsync(Guid customerId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CustomerKey(customerId), out CustomerAgreements? cached))
            return cached;

        var row = await db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId)
            .Select(c => new
            {
                c.Code,
                c.Active,
                Agreements = db.Agreements
                    .Where(a => a.CustomerId == c.Id)
                    .Join(db.ServiceLevels, a => a.ServiceLevelCode, l => l.Code, (a, l) => new
                    {
                        a.Id,
                        a.ServiceLevelCode,
                        l.Rank,
                        a.ProductLineCode,
                        Products = a.Products.Select(p => p.ProductCode).ToList(),
                        a.ValidFrom,
                        a.ValidTo,
                        a.CancelledAt,
                    })
                    .ToList(),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(cancellationToken);

        var agreements = row is null
            ? null
            : new CustomerAgreements(customerId, row.Code, row.Active, row.Agreements
                .Select(a => new EntitlementCandidate(a.Id, a.ServiceLevelCode, a.Rank, a.ProductLineCode, a.Products, a.ValidFrom, a.ValidTo, a.CancelledAt))
                .ToList());
        cache.Set(CustomerKey(customerId), agreements, Lifetime);
        return agreements;
    }

    public void Invalidate(Guid customerId) => cache.Remove(CustomerKey(customerId));

    private static string ProductKey(string code) => "product:" + code;

    private static string CustomerKey(Guid id) => "customer-agreements:" + id.ToString("N");
}
