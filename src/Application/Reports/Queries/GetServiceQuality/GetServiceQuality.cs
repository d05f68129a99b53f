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
        var groups = await new Figures(db.Countable(user), db.RatedTickets.Countable(user), from, to).GroupAsync(groupBy, db, cancellationToken);
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

    private sealed record KeyedRatings<TKey>(TKey Key, int Count, double Overall, double Reliability, double Responsiveness, double Assurance, double Empathy, double Tangibles);

    /// <summary>Five GROUP BY queries, each a range scan on the instant that puts a ticket in the period.</summary>
    private sealed class Figures(IQueryable<Ticket> tickets, IQueryable<RatedTicket> rated, DateTimeOffset from, DateTimeOffset to) : IGroupedFigures<Quality>
    {
        /// <summary>The grouping column of a ticket (t => t.ProductLineCode) as the same column of a rated ticket.</summary>
        private static Expression<Func<RatedTicket, TKey>> RatedTicketKey<TKey>(Expression<Func<Ticket, TKey>> key)
        {
            var row = Expression.Parameter(typeof(RatedTicket), "r");
            return Expression.Lambda<Func<RatedTicket, TKey>>(new SameColumn(key.Parameters[0], row).Visit(key.Body), row);
        }

        private sealed class SameColumn(ParameterExpression ticket, ParameterExpression row) : ExpressionVisitor
        {
            protected override Expression VisitMember(MemberExpression node) =>
                node.Expression == ticket ? Expression.Property(row, node.Member.Name) : base.VisitMember(node);

            protected override Expression VisitParameter(ParameterExpression node) =>
                node == ticket ? throw new NotSupportedException("A report groups by a column of the ticket.") : base.VisitParameter(node);
        }

        public async Task<List<Grouped<TKey, Quality>>> ComputeAsync<TKey>(Expression<Func<Ticket, TKey>> key, CancellationToken cancellationToken)
        {
            // Both kinds named, so the range is read from the (Kind, OpenedAt, Number) index, one kind after the other.
            var opened = await tickets.Where(t => (t.Kind == TicketKind.Incident || t.Kind == TicketKind.ServiceRequest) && t.OpenedAt >= from && t.OpenedAt < to)
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
            // The ratings' means over flat rating columns (RatedTicket): one GROUP BY in the database, as the other figures.
            var ratings = await rated.Where(r => r.RatedAt >= from && r.RatedAt < to)
                .GroupBy(RatedTicketKey(key))
                .Select(g => new KeyedRatings<TKey>(g.Key, g.Count(),
                    g.Average(r => (double)r.Overall), g.Average(r => (double)r.Reliability), g.Average(r => (double)r.Responsiveness),
                    g.Average(r => (double)r.Assurance), g.Average(r => (double)r.Empathy), g.Average(r => (double)r.Tangibles)))
                .ToListAsync(cancellationToken);

            var (openedBy, acknowledgedBy, resolvedBy, reopenedBy, ratedBy) =
                (opened.ToLookup(r => r.Key), acknowledged.ToLookup(r => r.Key), resolved.ToLookup(r => r.Key), reopened.ToLookup(r => r.Key), ratings.ToLookup(r => r.Key, r => new RatingMeans(r.Count, r.Overall, r.Reliability, r.Responsiveness, r.Assurance, r.Empathy, r.Tangibles)));
            var keys = ReportAccess.KeysOf(
                opened.Select(r => r.Key), acknowledged.Select(r => r.Key), resolved.Select(r => r.Key), reopened.Select(r => r.Key), ratings.Select(r => r.Key));
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
