using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Changes;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Infrastructure.Changes;

/// <summary>
/// Product locks as row locks: the transaction's first statements are no-op updates of the products' rows
/// (<c>SET Version = Version</c>, which changes nothing a reader sees), one per product in code order, so two holders
/// never wait on each other crosswise. PostgreSQL and SQL Server lock the row until the transaction ends, and their
/// READ COMMITTED reads after it see every commit made before the lock was granted. SQLite has one write lock per
/// database, held from a transaction's first write (at the latest: these updates) to its end, so reads after it see
/// every commit; it serialises more than needed, never less. The locks hold across instances: they live in the database.
/// </summary>
/// <remarks>On SQL Server without READ_COMMITTED_SNAPSHOT, a plain read of a locked product row waits for the holder's commit.</remarks>
internal sealed class ProductLocks(ServiceDeskDbContext db) : IProductLocks
{
    public Task<T> WhileLockedAsync<T>(IReadOnlyCollection<string> productCodes, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(productCodes);
        ArgumentNullException.ThrowIfNull(work);
        var codes = productCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var attempt = 0;

        // A transaction of our own has to run inside the execution strategy (a retrying one refuses it otherwise); a
        // retry repeats the whole unit, after dropping what the failed attempt left tracked.
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            if (attempt++ > 0)
                db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var code in codes)
                await db.Products.Where(p => p.Code == code).ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version), ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }
}
