using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Reports;
using ServiceDesk.Application.Reports.Queries;

namespace ServiceDesk.Api.Reports;

/// <summary>
/// SLA lists (at risk now, breached in a period) and the period reports (SLA compliance, service quality), as JSON or,
/// with <c>Accept: text/csv</c>, as CSV. Manager and Admin see everything; a Customer caller its own customer's figures.
/// </summary>
public static class ReportEndpoints
{
    private const string PeriodNote = "The period is half-open [from, to): both required, from before to, at most 400 days. "
        + "groupBy: productLine, customer, serviceLevel or priority. Cancelled tickets are left out of every figure. "
        + "Send Accept: text/csv for the groups as CSV (UTF-8 with BOM, one header row with the JSON field names).";

    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var sla = api.MapGroup("/sla").WithTags("SLA and reports").RequireAuthorization(Policies.ReportReader);
        var reports = api.MapGroup("/reports").WithTags("SLA and reports").RequireAuthorization(Policies.ReportReader);

        sla.MapGet("/at-risk", async (int? limit, string? cursor, ISender sender, HttpRequest request, CancellationToken ct) =>
                Csv.Negotiate(request, await sender.Send(new ListAtRiskClocksQuery(new PageRequest(limit, cursor)), ct), p => p.Items, p => p.NextCursor))
            .WithName("ListAtRiskClocks")
            .WithSummary("Running SLA clocks past 75 % of their target, soonest due first")
            .WithDescription("Open tickets whose response or resolution clock has used 75 % or more of its target in business time (one item per clock), "
                + "keyset-paged (limit, cursor). A clock whose due time passed but whose breach the monitor has not recorded yet shows 100 % or more. "
                + "Send Accept: text/csv for the page as CSV; the next page's cursor is then in the X-Next-Cursor header.");

        sla.MapGet("/breaches", async (string? from, string? to, int? limit, string? cursor, ISender sender, HttpRequest request, CancellationToken ct) =>
                Csv.Negotiate(
                    request,
                    await sender.Send(new ListSlaBreachesQuery(new ReportPeriod(QueryValues.Instant(from, "from"), QueryValues.Instant(to, "to")), new PageRequest(limit, cursor)), ct),
                    p => p.Items,
                    p => p.NextCursor))
            .WithName("ListSlaBreaches")
            .WithSummary("SLA clocks breached in [from, to), newest first")
            .WithDescription("The clocks the compliance report counts as breached in the same period (cancelled tickets left out), keyset-paged. "
                + "Send Accept: text/csv for the page as CSV; the next page's cursor is then in the X-Next-Cursor header.");

        reports.MapGet("/sla-compliance", async (string? from, string? to, string? groupBy, ISender sender, HttpRequest request, CancellationToken ct) =>
                Csv.Negotiate(request, await sender.Send(new GetSlaComplianceQuery(new ReportPeriod(QueryValues.Instant(from, "from"), QueryValues.Instant(to, "to")), groupBy), ct), r => r.Groups))
            .WithName("GetSlaComplianceReport")
            .WithSummary("SLA compliance per product line, customer, service level or priority over a period")
            .WithDescription("A clock counts in the period in which its outcome was decided: met at the instant it stopped, breached at the instant it breached; "
                + "compliance % = met / (met + breached) x 100, null when both are 0. " + PeriodNote);

        reports.MapGet("/service-quality", async (string? from, string? to, string? groupBy, ISender sender, HttpRequest request, CancellationToken ct) =>
                Csv.Negotiate(request, await sender.Send(new GetServiceQualityQuery(new ReportPeriod(QueryValues.Instant(from, "from"), QueryValues.Instant(to, "to")), groupBy), ct), r => r.Groups))
            .WithName("GetServiceQualityReport")
            .WithSummary("Volumes, MTTA, MTTR, reopen rate and satisfaction index per group over a period")
            .WithDescription("opened: tickets opened in the period; resolved: tickets last resolved in it; MTTA over tickets acknowledged in it, MTTR over tickets resolved in it, "
                + "in business minutes on the ticket's calendar (paused time excluded) and in clock minutes; reopenRate = tickets reopened in the period / tickets resolved in it x 100; "
                + "satisfactionIndex = mean score of the ratings given in the period, overallMean = their mean overall value. " + PeriodNote);

        return api;
    }
}
