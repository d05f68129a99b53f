using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>The writable fields of a product (PUT replaces them all; PATCH merges into them).</summary>
/// <param name="SeriesCode" example="OPS-SD">The series; the product's line is always the series' line.</param>
/// <param name="LineCode" example="OPS">Optional; when given it must be the series' line.</param>
/// <param name="Name" example="24x7 IT Service Desk">English name.</param>
/// <param name="NameZh" example="7x24 IT服务台">Chinese name.</param>
/// <param name="Description">What the product delivers.</param>
/// <param name="Kind" example="support">support, request or recurring.</param>
/// <param name="DeliveryModes">Remote and/or OnSite.</param>
/// <param name="MonthlyBasePrice" example="1800">Monthly base price (CNY), not negative.</param>
/// <param name="Status" example="Active">Optional; Retired retires the product. A retired product is brought back only by the reinstate action.</param>
public sealed record ProductBody(
    string? SeriesCode,
    string? LineCode,
    string? Name,
    string? NameZh,
    string? Description,
    ProductKind? Kind,
    IReadOnlyList<DeliveryMode>? DeliveryModes,
    decimal? MonthlyBasePrice,
    ProductStatus? Status);

public sealed class ProductBodyValidator : AbstractValidator<ProductBody>
{
    public ProductBodyValidator()
    {
        RuleFor(b => b.SeriesCode).MustBeCode();
        RuleFor(b => b.LineCode!).MustBeCode().When(b => b.LineCode is not null);
        RuleFor(b => b.Name).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.NameZh).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.Description).MaximumLength(ProductLine.DescriptionMaxLength);
        RuleFor(b => b.Kind).NotNull().IsInEnum();
        RuleFor(b => b.DeliveryModes).NotEmpty();
        RuleForEach(b => b.DeliveryModes).IsInEnum();
        RuleFor(b => b.MonthlyBasePrice).NotNull().GreaterThanOrEqualTo(0).LessThanOrEqualTo(100_000_000);
        RuleFor(b => b.Status).IsInEnum();
    }
}

/// <summary>Where a product body places the product: create and update resolve it the same way.</summary>
internal static class ProductPlacement
{
    /// <summary>The series named by the body; a line code that is not the series' line is refused (a product belongs to a series of its own line).</summary>
    public static async Task<ProductSeries> SeriesForAsync(this IServiceDeskDbContext db, ProductBody body, CancellationToken cancellationToken)
    {
        var series = await db.ProductSeries.FirstOrDefaultAsync(s => s.Code == body.SeriesCode, cancellationToken)
            ?? throw new RequestValidationException("seriesCode", $"Product series '{body.SeriesCode}' does not exist.");
        if (body.LineCode is not null && body.LineCode != series.LineCode)
            throw new RequestValidationException("lineCode", $"Series '{series.Code}' belongs to line '{series.LineCode}', not '{body.LineCode}'.");
        return series;
    }
}
