using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Changes;

namespace ServiceDesk.Application.Changes;

/// <summary>
/// The overlap queries, run in SQL on indexes: a change's products' windows are rows of <c>ChangeProducts</c>
/// (product, status, planned start/end, customer), so finding the changes that hold an overlapping window on a product
/// seeks (ProductCode, Status, PlannedStart) and never reads the changes table as a whole. Freeze periods are found
/// through their (End, Start) index. Windows overlap when <c>start &lt; otherEnd AND otherStart &lt; end</c>: touching
/// windows do not.
/// </summary>
public static class ChangeOverlaps
{
    /// <summary>Index rows of scheduled or implementing changes overlapping the window on one of the products, for the customer.</summary>
    /// <param name="customerId">The customer of the change asked about; null for a global change (every customer's changes count).</param>
    public static IQueryable<ChangeProduct> Holding(IServiceDeskDbContext db, IReadOnlyCollection<string> productCodes, Guid? customerId, DateTimeOffset start, DateTimeOffset end)
    {
        var rows = db.ChangeProducts.AsNoTracking()
            .Where(p => productCodes.Contains(p.ProductCode)
                && (p.Status == ChangeStatus.Scheduled || p.Status == ChangeStatus.Implementing)
                && p.PlannedStart < end
                && p.PlannedEnd > start);
        if (customerId is { } customer)
            rows = rows.Where(p => p.CustomerId == null || p.CustomerId == customer);
        return rows;
    }

    /// <summary>The changes that may conflict with <paramref name="change"/> in <paramref name="window"/> (the domain decides which do).</summary>
    public static async Task<IReadOnlyList<Change>> CandidatesAsync(IServiceDeskDbContext db, Change change, ChangeWindow window, CancellationToken cancellationToken)
    {
        var ids = await Holding(db, change.ProductCodes.ToList(), change.CustomerId, window.Start, window.End)
            .Where(p => p.ChangeId != change.Id)
            .Select(p => p.ChangeId)
            .Distinct()
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
            return [];
        return await db.Changes.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>Freeze periods overlapping the window that cover the customer (every freeze covers a global change).</summary>
    public static IQueryable<FreezePeriod> Freezes(IServiceDeskDbContext db, Guid? customerId, DateTimeOffset start, DateTimeOffset end)
    {
        var freezes = db.FreezePeriods.AsNoTracking().Where(f => f.End > start && f.Start < end);
        if (customerId is { } customer)
            freezes = freezes.Where(f => f.CustomerId == null || f.CustomerId == customer);
        return freezes;
    }

    public static async Task<IReadOnlyList<FreezePeriod>> FreezesAsync(IServiceDeskDbContext db, Guid? customerId, ChangeWindow window, CancellationToken cancellationToken) =>
        await Freezes(db, customerId, window.Start, window.End).OrderBy(f => f.Start).ToListAsync(cancellationToken);
}
