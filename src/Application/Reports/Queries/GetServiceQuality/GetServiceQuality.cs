using System.Linq.Expressions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Reports.Queries;

/// <summary>
/// Volumes, MTTA, MTTR, reopen rate and satisfaction per group over <c>[from, to)</c> (domain.md sections 5 and 8).
/// Each figure counts the tickets whose own instant is in the period: opened, acknowledged, last resolved, last
/// reopened, rated. Cancelled tickets count nowhere.
/// </summary>
public sealed record GetServiceQualityQuery(ReportPeriod Period, string? GroupBy) : IQuery<ServiceQualityReport>;

public sealed class GetServiceQualityQueryValidator : AbstractValidator<GetServiceQualityQuery>
{
    public GetServiceQualityQueryValidator(ReportOptions options)
    {
        RuleFor(q => q.Period).SetValidator(new ReportPeriodValidator(options)).OverridePropertyName(string.Empty);
        RuleFor(q => q.GroupBy).ValidGroupBy();
    }
}

internal sealed class GetServiceQualityHandler(IServiceDeskDbContext db, ICurrentUser user, SatisfactionWeights weights)
    : IQueryHandler<GetServiceQualityQuery, ServiceQualityReport>
{
    public async ValueTask<ServiceQualityReport> Handle(GetServiceQualityQuery query, CancellationToken cancellationToken)
    {
        var (from, to, groupBy) = (query.Period.From!.Value, query.Period.To!.Value, ReportGroupings.Parse(query.GroupBy)!.Value);
        var groups = await new Figures(db.Countable(user), from, to).GroupAsync(groupBy, db, cancellationToken);
        return new ServiceQualityReport(from, to, groupBy.Name(), [.. groups.Select(g => Group(g.Key, g.Figures))]);
    }

    private ServiceQualityGroup Group(string? key, Quality q)
    {
        var resolved = q.Resolved?.Count ?? 0;
        var ratings = q.Ratings;
        return new ServiceQualityGroup(
            key,
            q.Opened,
            resolved,
            ReportAccess.Percent(q.Reopened, resolved),
            ReportAccess.WholeMinutes(q.Acknowledged?.Business),
            ReportAccess.WholeMinutes(q.Acknowledged?.Clock),
            ReportAccess.WholeMinutes(q.Resolved?.Business),
            ReportAccess.WholeMinutes(q.Resolved?.Clock),
            ratings is null ? null : ReportAccess.TwoDecimals(SatisfactionRating.Score(ratings.Reliability, ratings.Responsiveness, ratings.Assurance, ratings.Empathy, ratings.Tangibles, weights)),
            ratings is null ? null : ReportAccess.TwoDecimals(ratings.Overall),
            ratings?.Count ?? 0);
    }

    internal sealed record Quality(int Opened, Means? Acknowledged, Means? Resolved, int Reopened, RatingMeans? Ratings);

    internal sealed record Means(int Count, double Business, double Clock);

    internal sealed record RatingMeans(int Count, double Overall, double Reliability, double Responsiveness, double Assurance, double Empathy, double Tangibles);

    private sealed record Counted<TKey>(TKey Key, int Count);

    private sealed record KeyedMeans<TKey>(TKey Key, int Count, double Business, double Clock);

    /// <summary>A group key as a dictionary key (a null key, tickets without a product, is a group too).</summary>
    private readonly record struct RatingKey<TKey>(TKey Value);

    /// <summary>How many ratings and the sum of each value, per group.</summary>
    private readonly record struct RatingSums(int Count, long Overall, long Reliability, long Responsiveness, long Assurance, long Empathy, long Tangibles)
    {
        public RatingSums Add<TKey>(RatingRow<TKey> r) => new(
            Count + 1, Overall + r.Overall, Reliability + r.Reliability, Responsiveness + r.Responsiveness, Assurance + r.Assurance, Empathy + r.Empathy, Tangibles + r.Tangibles);

        public RatingMeans Means() => new(
            Count, (double)Overall / Count, (double)Reliability / Count, (double)Responsiveness / Count, (double)Assurance / Count, (double)Empathy / Count, (double)Tangibles / Count);
    }

    /// <summary>A rated ticket as its group key and its rating's values.</summary>
    private sealed class RatingRow<TKey> : IKeyedRow<TKey>
    {
        public TKey Key { get; init; } = default!;

        public int Overall { get; init; }

        public int Reliability { get; init; }

        public int Responsiveness { get; init; }

        public int Assurance { get; init; }

        public int Empathy { get; init; }

        public int Tangibles { get; init; }
    }

    /// <summary>Four GROUP BY queries and one read of the rated rows, each a range scan on the instant that puts a ticket in the period.</summary>
    private sealed class Figures(IQueryable<Ticket> tickets, DateTimeOffset from, DateTimeOffset to) : IGroupedFigures<Quality>
    {
        public async Task<List<Grouped<TKey, Quality>>> ComputeAsync<TKey>(Expression<Func<Ticket, TKey>> key, CancellationToken cancellationToken)
        {
            var opened = await tickets.Where(t => t.OpenedAt >= from && t.OpenedAt < to)
                .GroupBy(key).Select(g => new Counted<TKey>(g.Key, g.Count()))
                .ToListAsync(cancellationToken);
            var acknowledged = await tickets.Where(t => t.AcknowledgedAt >= from && t.AcknowledgedAt < to && t.AcknowledgeBusinessMinutes != null)
                .GroupBy(key).Select(g => new KeyedMeans<TKey>(g.Key, g.Count(), g.Average(t => (double)t.AcknowledgeBusinessMinutes!.Value), g.Average(t => (double)t.AcknowledgeClockMinutes!.Value)))
                .ToListAsync(cancellationToken);
            var resolved = await tickets.Where(t => t.LastResolvedAt >= from && t.LastResolvedAt < to)
                .GroupBy(key).Select(g => new KeyedMeans<TKey>(g.Key, g.Count(), g.Average(t => (double)t.ResolveBusinessMinutes!.Value), g.Average(t => (double)t.ResolveClockMinutes!.Value)))
                .ToListAsync(cancellationToken);
            var reopened = await tickets.Where(t => t.LastReopenedAt >= from && t.LastReopenedAt < to)
                .GroupBy(key).Select(g => new Counted<TKey>(g.Key, g.Count()))
                .ToListAsync(cancellationToken);
            // The ratings' means are summed here over flat rows (the key and the six values, read from the covering
            // index on RatedAt; a period holds at most its ratings, a tenth of its tickets): EF Core 10 translates an
            // aggregate over the owned Satisfaction columns inside GROUP BY, even through a flattening Select, into one
            // correlated subquery per average and group (dotnet/efcore#29593), which took seconds per report.
            // Sums of integers divided once give exactly what AVG(CAST(x AS double)) gives on every provider.
            var rated = new Dictionary<RatingKey<TKey>, RatingSums>();
            await foreach (var row in tickets.Where(t => t.Satisfaction!.RatedAt >= from && t.Satisfaction.RatedAt < to)
                .Keyed(key, t => new RatingRow<TKey>
                {
                    Overall = t.Satisfaction!.Overall,
                    Reliability = t.Satisfaction.Reliability,
                    Responsiveness = t.Satisfaction.Responsiveness,
                    Assurance = t.Satisfaction.Assurance,
                    Empathy = t.Satisfaction.Empathy,
                    Tangibles = t.Satisfaction.Tangibles,
                })
                .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var k = new RatingKey<TKey>(row.Key);
                rated[k] = (rated.TryGetValue(k, out var sums) ? sums : new RatingSums()).Add(row);
            }

            var (openedBy, acknowledgedBy, resolvedBy, reopenedBy, ratedBy) =
                (opened.ToLookup(r => r.Key), acknowledged.ToLookup(r => r.Key), resolved.ToLookup(r => r.Key), reopened.ToLookup(r => r.Key), rated.ToLookup(r => r.Key.Value, r => r.Value.Means()));
            var keys = ReportAccess.KeysOf(
                opened.Select(r => r.Key), acknowledged.Select(r => r.Key), resolved.Select(r => r.Key), reopened.Select(r => r.Key), rated.Keys.Select(r => r.Value));
            return [.. keys.Select(k =>
            {
                var ack = acknowledgedBy[k].SingleOrDefault();
                var res = resolvedBy[k].SingleOrDefault();
                var rate = ratedBy[k].SingleOrDefault();
                return new Grouped<TKey, Quality>(k, new Quality(
                    openedBy[k].SingleOrDefault()?.Count ?? 0,
                    ack is null ? null : new Means(ack.Count, ack.Business, ack.Clock),
                    res is null ? null : new Means(res.Count, res.Business, res.Clock),
                    reopenedBy[k].SingleOrDefault()?.Count ?? 0,
                    rate));
            })];
        }
    }
}
