using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Reports;

/// <summary>SLA compliance over a period, one group per key.</summary>
/// <param name="From" example="2026-11-01T00:00:00Z">Start of the period (included).</param>
/// <param name="To" example="2026-12-01T00:00:00Z">End of the period (excluded).</param>
/// <param name="GroupBy" example="productLine">productLine, customer, serviceLevel or priority.</param>
/// <param name="Groups">One entry per key with at least one figure in the period, ordered by key; empty when nothing happened.</param>
public sealed record SlaComplianceReport(DateTimeOffset From, DateTimeOffset To, string GroupBy, IReadOnlyList<SlaComplianceGroup> Groups);

/// <summary>Clocks whose outcome was decided in the period: met when they stopped in it, breached when they breached in it.</summary>
/// <param name="Key" example="OPS">The product line's, customer's or service level's code, or P1..P4; null for tickets without a product (groupBy=productLine).</param>
/// <param name="ResponseMet" example="47">Response clocks met (stopped in time) in the period.</param>
/// <param name="ResponseBreached" example="3">Response clocks breached in the period.</param>
/// <param name="ResponseCompliancePercent" example="94">met / (met + breached) x 100, two decimals; null when both are 0.</param>
/// <param name="ResolutionMet" example="38">Resolution clocks met in the period.</param>
/// <param name="ResolutionBreached" example="2">Resolution clocks breached in the period.</param>
/// <param name="ResolutionCompliancePercent" example="95">met / (met + breached) x 100, two decimals; null when both are 0.</param>
public sealed record SlaComplianceGroup(
    string? Key,
    int ResponseMet,
    int ResponseBreached,
    double? ResponseCompliancePercent,
    int ResolutionMet,
    int ResolutionBreached,
    double? ResolutionCompliancePercent);

/// <summary>Volumes, times to acknowledge and resolve, reopen rate and satisfaction over a period, one group per key.</summary>
/// <param name="From" example="2026-11-01T00:00:00Z">Start of the period (included).</param>
/// <param name="To" example="2026-12-01T00:00:00Z">End of the period (excluded).</param>
/// <param name="GroupBy" example="customer">productLine, customer, serviceLevel or priority.</param>
/// <param name="Groups">One entry per key with at least one figure in the period, ordered by key; empty when nothing happened.</param>
public sealed record ServiceQualityReport(DateTimeOffset From, DateTimeOffset To, string GroupBy, IReadOnlyList<ServiceQualityGroup> Groups);

/// <summary>One group of the service-quality report.</summary>
/// <param name="Key" example="ACME">The product line's, customer's or service level's code, or P1..P4; null for tickets without a product (groupBy=productLine).</param>
/// <param name="Opened" example="52">Tickets opened in the period.</param>
/// <param name="Resolved" example="41">Tickets whose last resolution is in the period.</param>
/// <param name="ReopenRate" example="4.88">Tickets reopened in the period / tickets resolved in it x 100, two decimals; null when none was resolved.</param>
/// <param name="MttaBusinessMinutes" example="12">Mean business minutes to acknowledge (the response clock at acknowledgement), over tickets acknowledged in the period; whole minutes.</param>
/// <param name="MttaClockMinutes" example="14">Mean wall-clock minutes from opening to acknowledgement, same tickets.</param>
/// <param name="MttrBusinessMinutes" example="315">Mean business minutes to resolve (the resolution clock at the last resolution, paused time excluded), over tickets resolved in the period.</param>
/// <param name="MttrClockMinutes" example="1290">Mean wall-clock minutes from opening to the last resolution, same tickets.</param>
/// <param name="SatisfactionIndex" example="72.5">Mean score (0..100, configured weights) of the ratings given in the period, two decimals; null without ratings.</param>
/// <param name="OverallMean" example="5.6">Mean overall value (1..7) of those ratings, two decimals; null without ratings.</param>
/// <param name="Ratings" example="20">Ratings given in the period.</param>
public sealed record ServiceQualityGroup(
    string? Key,
    int Opened,
    int Resolved,
    double? ReopenRate,
    long? MttaBusinessMinutes,
    long? MttaClockMinutes,
    long? MttrBusinessMinutes,
    long? MttrClockMinutes,
    double? SatisfactionIndex,
    double? OverallMean,
    int Ratings);

/// <summary>A running clock past 75 % of its target.</summary>
/// <param name="Number" example="INC000042">The ticket's number.</param>
/// <param name="Customer" example="ACME">The customer's code.</param>
/// <param name="Priority" example="P2">The ticket's priority.</param>
/// <param name="Clock" example="Resolution">Response or Resolution.</param>
/// <param name="Percentage" example="82">Elapsed business minutes / target x 100, as of now (100 or more: due time passed, breach not yet recorded).</param>
/// <param name="DueAt" example="2026-11-24T10:00:00Z">When the target runs out.</param>
public sealed record AtRiskClock(string Number, string Customer, Priority Priority, SlaClockKind Clock, int Percentage, DateTimeOffset DueAt);

/// <summary>A clock that breached in the period.</summary>
/// <param name="Number" example="INC000042">The ticket's number.</param>
/// <param name="Customer" example="ACME">The customer's code.</param>
/// <param name="Priority" example="P2">The ticket's priority.</param>
/// <param name="Clock" example="Response">Response or Resolution.</param>
/// <param name="TargetMinutes" example="30">The clock's target in business minutes.</param>
/// <param name="BreachedAt" example="2026-11-24T09:30:00Z">When the clock breached (its due time, or the stop that found the target used up).</param>
public sealed record SlaBreach(string Number, string Customer, Priority Priority, SlaClockKind Clock, int TargetMinutes, DateTimeOffset BreachedAt);
