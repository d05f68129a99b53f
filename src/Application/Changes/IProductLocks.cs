namespace ServiceDesk.Application.Changes;

/// <summary>
/// Serialises, per product and across every instance on the database, a read and the write that depends on it:
/// scheduling a change reads the windows other changes hold on its products, then writes its own, and two schedules
/// on one product that both read before either wrote would both find no conflict.
/// </summary>
public interface IProductLocks
{
    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction that first takes a write lock on each of the products
    /// (held until it ends), so that <paramref name="work"/> reads everything an earlier holder committed, and a later
    /// holder reads everything it writes. <paramref name="work"/> saves through the request's
    /// <see cref="Common.Interfaces.IServiceDeskDbContext"/> (the save joins the transaction, which then commits); an
    /// exception rolls it all back. Should the database's execution strategy retry a transient failure,
    /// <paramref name="work"/> runs again from the start on a clean unit of work: it loads what it changes itself.
    /// </summary>
    Task<T> WhileLockedAsync<T>(IReadOnlyCollection<string> productCodes, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
