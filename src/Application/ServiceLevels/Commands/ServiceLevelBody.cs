using FluentValidation;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>The targets of one priority, in business minutes.</summary>
/// <param name="ResponseMinutes" example="30">First-response target, at least 1.</param>
/// <param name="ResolutionMinutes" example="360">Resolution target, not less than the response target.</param>
public sealed record TargetBody(int? ResponseMinutes, int? ResolutionMinutes);

/// <summary>The writable fields of a service level (PUT replaces them all).</summary>
/// <param name="Name" example="Gold">English name.</param>
/// <param name="NameZh" example="金牌">Chinese name (optional).</param>
/// <param name="Rank" example="2">1 is the best level; decides among several matching agreements.</param>
/// <param name="CalendarCode" example="7X12-CN">An existing calendar the targets are measured on.</param>
/// <param name="ResponseCalendarCode" example="24X7">Optional: an existing calendar first response is measured on instead.</param>
/// <param name="PriceMultiplier" example="1.5">Greater than 0; multiplies a product's monthly base price.</param>
/// <param name="AvailabilityTargetPercent" example="99.9">Greater than 0, at most 100.</param>
/// <param name="OnSiteArrivalMinutes" example="240">Optional: time to arrive on site, at least 1.</param>
/// <param name="Targets">Exactly "P1", "P2", "P3" and "P4", each { responseMinutes, resolutionMinutes }.</param>
public sealed record ServiceLevelBody(
    string? Name,
    string? NameZh,
    int? Rank,
    string? CalendarCode,
    string? ResponseCalendarCode,
    decimal? PriceMultiplier,
    decimal? AvailabilityTargetPercent,
    int? OnSiteArrivalMinutes,
    IReadOnlyDictionary<string, TargetBody?>? Targets);

public sealed class ServiceLevelBodyValidator : AbstractValidator<ServiceLevelBody>
{
    public ServiceLevelBodyValidator()
    {
        RuleFor(b => b.Name).NotEmpty().MaximumLength(ServiceLevel.NameMaxLength);
        RuleFor(b => b.NameZh).MaximumLength(ServiceLevel.NameMaxLength);
        RuleFor(b => b.Rank).NotNull().InclusiveBetween(1, 1000);
        RuleFor(b => b.CalendarCode).MustBeCode();
        RuleFor(b => b.ResponseCalendarCode!).MustBeCode().When(b => b.ResponseCalendarCode is not null);
        RuleFor(b => b.PriceMultiplier).NotNull().GreaterThan(0).LessThanOrEqualTo(100);
        RuleFor(b => b.AvailabilityTargetPercent).NotNull().GreaterThan(0).LessThanOrEqualTo(100);
        RuleFor(b => b.OnSiteArrivalMinutes).InclusiveBetween(1, 100_000);
        RuleFor(b => b.Targets).NotNull();
    }
}
