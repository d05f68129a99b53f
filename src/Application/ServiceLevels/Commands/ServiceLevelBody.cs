using FluentValidation;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>The targets of one priority, in business minutes.</summary>
/// <param name="ResponseMinutes" example="30">First-response target, at least 1.</param>
/// <param name="ResolutionMinutes" example="360">Resolution target, not less than the response target.</param>
public sealed record TargetBody(int? ResponseMinutes, int? ResolutionMinutes);

/// <summary>
/// The writable fields of a service level, declared once for the bodies that carry them (<see cref="ServiceLevelBody"/> and
/// <see cref="CreateServiceLevelCommand"/>).
/// </summary>
public abstract record ServiceLevelFields
{
    /// <summary>English name.</summary>
    /// <example>Gold</example>
    public string? Name { get; init; }

    /// <summary>Chinese name (optional).</summary>
    /// <example>金牌</example>
    public string? NameZh { get; init; }

    /// <summary>1 is the best level; decides among several matching agreements.</summary>
    /// <example>2</example>
    public int? Rank { get; init; }

    /// <summary>An existing calendar the targets are measured on.</summary>
    /// <example>7X12-CN</example>
    public string? CalendarCode { get; init; }

    /// <summary>Optional: an existing calendar first response is measured on instead.</summary>
    /// <example>24X7</example>
    public string? ResponseCalendarCode { get; init; }

    /// <summary>Greater than 0; multiplies a product's monthly base price.</summary>
    /// <example>1.5</example>
    public decimal? PriceMultiplier { get; init; }

    /// <summary>Greater than 0, at most 100.</summary>
    /// <example>99.9</example>
    public decimal? AvailabilityTargetPercent { get; init; }

    /// <summary>Optional: time to arrive on site, at least 1.</summary>
    /// <example>240</example>
    public int? OnSiteArrivalMinutes { get; init; }

    /// <summary>Exactly "P1", "P2", "P3" and "P4", each { responseMinutes, resolutionMinutes }.</summary>
    public IReadOnlyDictionary<string, TargetBody?>? Targets { get; init; }
}

/// <summary>The writable fields of a service level (PUT replaces them all).</summary>
public sealed record ServiceLevelBody : ServiceLevelFields;

public sealed class ServiceLevelFieldsValidator : AbstractValidator<ServiceLevelFields>
{
    public ServiceLevelFieldsValidator()
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
