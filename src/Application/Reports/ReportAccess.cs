using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Reports;

/// <summary>One group's figures as the database aggregated them, keyed by the grouping column's value.</summary>
internal sealed record Grouped<TKey, TFigures>(TKey Key, TFigures Figures);

/// <summary>
/// A report's aggregation, written once against any grouping column: the handler implements it with GROUP BY queries
/// over <typeparamref name="TFigures"/>, and <see cref="ReportAccess.GroupAsync{TFigures}"/> picks the column and
/// labels the keys.
/// </summary>
internal interface IGroupedFigures<TFigures>
{
    Task<List<Grouped<TKey, TFigures>>> ComputeAsync<TKey>(Expression<Func<Ticket, TKey>> key, CancellationToken cancellationToken);
}

/// <summary>What the reports and SLA lists share: the tickets they count, the grouping columns and key labels.</summary>
internal static class ReportAccess
{
    /// <summary>Tickets the caller may count: its own customer's for a Customer caller; cancelled tickets never.</summary>
    public static IQueryable<Ticket> Countable(this IServiceDeskDbContext db, ICurrentUser user) =>
        db.Tickets.AsNoTracking().Visible(user).Where(t => t.Status != TicketStatus.Cancelled);

    /// <summary>The same rule for rated tickets: not cancelled, and only the caller's own when it is a Customer.</summary>
    public static IQueryable<RatedTicket> Countable(this IQueryable<RatedTicket> rated, ICurrentUser user)
    {
        var countable = rated.Where(r => r.Status != TicketStatus.Cancelled);
        if (!user.IsCustomerOnly)
            return countable;
        var customerId = user.CustomerId ?? Guid.Empty;
        return countable.Where(r => r.CustomerId == customerId);
    }

    /// <summary>Runs <paramref name="figures"/> grouped by the column <paramref name="groupBy"/> names; keys become codes (customers by their code).</summary>
    public static async Task<List<Grouped<string?, TFigures>>> GroupAsync<TFigures>(
        this IGroupedFigures<TFigures> figures, ReportGroupBy groupBy, IServiceDeskDbContext db, CancellationToken cancellationToken)
    {
        switch (groupBy)
        {
            case ReportGroupBy.ProductLine:
                return Ordered(await figures.ComputeAsync(t => t.ProductLineCode, cancellationToken));
            case ReportGroupBy.ServiceLevel:
                return Ordered(await figures.ComputeAsync(t => (string?)t.ServiceLevelCode, cancellationToken));
            case ReportGroupBy.Priority:
                return Ordered([.. (await figures.ComputeAsync(t => t.Priority, cancellationToken)).Select(g => new Grouped<string?, TFigures>(g.Key.ToString(), g.Figures))]);
            default:
                var byCustomer = await figures.ComputeAsync(t => t.CustomerId, cancellationToken);
                var codes = await db.CustomerCodesAsync(byCustomer.Select(g => g.Key), cancellationToken);
                return Ordered([.. byCustomer.Select(g => new Grouped<string?, TFigures>(codes[g.Key], g.Figures))]);
        }
    }

    /// <summary>Codes of the given customers (a handful per report or page).</summary>
    public static async Task<Dictionary<Guid, string>> CustomerCodesAsync(this IServiceDeskDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Customers.AsNoTracking().Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
    }

    /// <summary>Every key any of several GROUP BY queries returned (null included), once.</summary>
    public static IEnumerable<TKey> KeysOf<TKey>(params IEnumerable<TKey>[] keys) => keys.SelectMany(k => k).Distinct();

    /// <summary>a / b x 100 with two decimals; null when b is 0.</summary>
    public static double? Percent(long part, long whole) =>
        whole == 0 ? null : Math.Round(part * 100.0 / whole, 2, MidpointRounding.AwayFromZero);

    public static double? TwoDecimals(double? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    public static long? WholeMinutes(double? value) => value is { } v ? (long)Math.Round(v, MidpointRounding.AwayFromZero) : null;

    private static List<Grouped<string?, TFigures>> Ordered<TFigures>(List<Grouped<string?, TFigures>> groups) =>
        [.. groups.OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)];
}
