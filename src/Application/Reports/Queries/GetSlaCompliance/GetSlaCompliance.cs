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
    public GetSlaComplianceQueryValidator()
    {
        RuleFor(q => q.Period).SetValidator(new ReportPeriodValidator()).OverridePropertyName(string.Empty);
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

    private sealed record Counts<TKey>(TKey Key, int Met, int Breached);

    /// <summary>
    /// One GROUP BY per clock, each over the clocks decided in the period (met: stopped in it; breached: breached in
    /// it), which the indexes on <c>StoppedAt</c> and <c>BreachedAt</c> find without reading other tickets.
    /// </summary>
    private sealed class Figures(IQueryable<Ticket> tickets, DateTimeOffset from, DateTimeOffset to) : IGroupedFigures<Compliance>
    {
        public async Task<List<Grouped<TKey, Compliance>>> ComputeAsync<TKey>(Expression<Func<Ticket, TKey>> key, CancellationToken cancellationToken)
        {
            var response = await tickets
                .Where(t => (t.Response.State == SlaClockState.Met && t.Response.StoppedAt >= from && t.Response.StoppedAt < to)
                            || (t.Response.State == SlaClockState.Breached && t.Response.BreachedAt >= from && t.Response.BreachedAt < to))
                .GroupBy(key)
                .Select(g => new Counts<TKey>(g.Key, g.Count(t => t.Response.State == SlaClockState.Met), g.Count(t => t.Response.State == SlaClockState.Breached)))
                .ToListAsync(cancellationToken);
            var resolution = await tickets
                .Where(t => (t.Resolution.State == SlaClockState.Met && t.Resolution.StoppedAt >= from && t.Resolution.StoppedAt < to)
                            || (t.Resolution.State == SlaClockState.Breached && t.Resolution.BreachedAt >= from && t.Resolution.BreachedAt < to))
                .GroupBy(key)
                .Select(g => new Counts<TKey>(g.Key, g.Count(t => t.Resolution.State == SlaClockState.Met), g.Count(t => t.Resolution.State == SlaClockState.Breached)))
                .ToListAsync(cancellationToken);

            var responseBy = response.ToLookup(r => r.Key);
            var resolutionBy = resolution.ToLookup(r => r.Key);
            return [.. ReportAccess.KeysOf(response.Select(r => r.Key), resolution.Select(r => r.Key)).Select(k =>
            {
                var (re, rs) = (responseBy[k].SingleOrDefault(), resolutionBy[k].SingleOrDefault());
                return new Grouped<TKey, Compliance>(k, new Compliance(re?.Met ?? 0, re?.Breached ?? 0, rs?.Met ?? 0, rs?.Breached ?? 0));
            })];
        }
    }
}
