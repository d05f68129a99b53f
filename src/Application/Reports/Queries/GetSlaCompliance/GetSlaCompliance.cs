using System.Linq.Expressions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Reports.Queries;

/// <summary>
/// SLA compliance per group over <c>[from, to)</c> (domain.md section 5): a clock counts in the period in which its
/// outcome was decided, met at the instant it stopped, breached at the instant it breached. Cancelled tickets count nowhere.
/// </summary>
public sealed record GetSlaComplianceQuery(ReportPeriod Period, string? GroupBy) : IQuery<SlaComplianceReport>;

public sealed class GetSlaComplianceQueryValidator : AbstractValidator<GetSlaComplianceQuery>
{
    public GetSlaComplianceQueryValidator(ReportOptions options)
    {
        RuleFor(q => q.Period).SetValidator(new ReportPeriodValidator(options)).OverridePropertyName(string.Empty);
        RuleFor(q => q.GroupBy).ValidGroupBy();
    }
}

internal sealed class GetSlaComplianceHandler(IServiceDeskDbContext db, ICurrentUser user) : IQueryHandler<GetSlaComplianceQuery, SlaComplianceReport>
{
    public async ValueTask<SlaComplianceReport> Handle(GetSlaComplianceQuery query, CancellationToken cancellationToken)
    {
        var (from, to, groupBy) = (query.Period.From!.Value, query.Period.To!.Value, ReportGroupings.Parse(query.GroupBy)!.Value);
        var groups = await new Figures(db.Countable(user), from, to).GroupAsync(groupBy, db, cancellationToken);
        return new SlaComplianceReport(from, to, groupBy.Name(), [.. groups.Select(g => new SlaComplianceGroup(
            g.Key,
            g.Figures.ResponseMet,
            g.Figures.ResponseBreached,
            ReportAccess.Percent(g.Figures.ResponseMet, g.Figures.ResponseMet + g.Figures.ResponseBreached),
            g.Figures.ResolutionMet,
            g.Figures.ResolutionBreached,
            ReportAccess.Percent(g.Figures.ResolutionMet, g.Figures.ResolutionMet + g.Figures.ResolutionBreached)))]);
    }

    internal sealed record Compliance(int ResponseMet, int ResponseBreached, int ResolutionMet, int ResolutionBreached);

    private sealed record Counts<TKey>(TKey Key, int Count);

    /// <summary>
    /// One GROUP BY per clock and outcome, each over the clocks decided in the period (met: stopped in it; breached:
    /// breached in it): a range scan on the index on <c>StoppedAt</c> or <c>BreachedAt</c> that reads no other ticket.
    /// </summary>
    private sealed class Figures(IQueryable<Ticket> tickets, DateTimeOffset from, DateTimeOffset to) : IGroupedFigures<Compliance>
    {
        public async Task<List<Grouped<TKey, Compliance>>> ComputeAsync<TKey>(Expression<Func<Ticket, TKey>> key, CancellationToken cancellationToken)
        {
            var responseMet = await CountAsync(tickets.Where(t => t.Response.State == SlaClockState.Met && t.Response.StoppedAt >= from && t.Response.StoppedAt < to), key, cancellationToken);
            var responseBreached = await CountAsync(tickets.Where(t => t.Response.State == SlaClockState.Breached && t.Response.BreachedAt >= from && t.Response.BreachedAt < to), key, cancellationToken);
            var resolutionMet = await CountAsync(tickets.Where(t => t.Resolution.State == SlaClockState.Met && t.Resolution.StoppedAt >= from && t.Resolution.StoppedAt < to), key, cancellationToken);
            var resolutionBreached = await CountAsync(tickets.Where(t => t.Resolution.State == SlaClockState.Breached && t.Resolution.BreachedAt >= from && t.Resolution.BreachedAt < to), key, cancellationToken);

            var (a, b, c, d) = (responseMet.ToLookup(r => r.Key), responseBreached.ToLookup(r => r.Key), resolutionMet.ToLookup(r => r.Key), resolutionBreached.ToLookup(r => r.Key));
            var keys = ReportAccess.KeysOf(responseMet.Select(r => r.Key), responseBreached.Select(r => r.Key), resolutionMet.Select(r => r.Key), resolutionBreached.Select(r => r.Key));
            return [.. keys.Select(k => new Grouped<TKey, Compliance>(k, new Compliance(
                a[k].SingleOrDefault()?.Count ?? 0, b[k].SingleOrDefault()?.Count ?? 0, c[k].SingleOrDefault()?.Count ?? 0, d[k].SingleOrDefault()?.Count ?? 0)))];
        }

        private static Task<List<Counts<TKey>>> CountAsync<TKey>(IQueryable<Ticket> decided, Expression<Func<Ticket, TKey>> key, CancellationToken cancellationToken) =>
            decided.GroupBy(key).Select(g => new Counts<TKey>(g.Key, g.Count())).ToListAsync(cancellationToken);
    }
}
