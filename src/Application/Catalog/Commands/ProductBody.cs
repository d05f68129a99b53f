using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>
/// The writable fields of a product, declared once for the bodies that carry them (<see cref="ProductBody"/> and
/// <see cref="CreateProductCommand"/>).
/// </summary>
public abstract record ProductFields
{
    /// <summary>The series; the product's line is always the series' line.</summary>
    /// <example>OPS-SD</example>
    public string? SeriesCode { get; init; }

    /// <summary>Optional; when given it must be the series' line.</summary>
    /// <example>OPS</example>
    public string? LineCode { get; init; }

    /// <summary>English name.</summary>
    /// <example>24x7 IT Service Desk</example>
    public string? Name { get; init; }

    /// <summary>Chinese name.</summary>
    /// <example>7x24 IT服务台</example>
    public string? NameZh { get; init; }

    /// <summary>What the product delivers.</summary>
    public string? Description { get; init; }

    /// <summary>support, request or recurring.</summary>
    /// <example>support</example>
    public ProductKind? Kind { get; init; }

    /// <summary>Remote and/or OnSite.</summary>
    public IReadOnlyList<DeliveryMode>? DeliveryModes { get; init; }

    /// <summary>Monthly base price (CNY), not negative.</summary>
    /// <example>1800</example>
    public decimal? MonthlyBasePrice { get; init; }
}

/// <summary>The writable fields of a product (PUT replaces them all; PATCH merges into them).</summary>
public sealed record ProductBody : ProductFields
{
    /// <summary>Optional; Retired retires the product. A retired product is brought back only by the reinstate action.</summary>
    /// <example>Active</example>
    public ProductStatus? Status { get; init; }
}

public sealed class ProductFieldsValidator : AbstractValidator<ProductFields>
{
    public ProductFieldsValidator()
    {
        RuleFor(b => b.SeriesCode).MustBeCode();
        RuleFor(b => b.LineCode!).MustBeCode().When(b => b.LineCode is not null);
        RuleFor(b => b.Name).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.NameZh).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.Description).MaximumLength(ProductLine.DescriptionMaxLength);
        RuleFor(b => b.Kind).NotNull().IsDefinedEnum();
        RuleFor(b => b.DeliveryModes).NotEmpty();
        RuleForEach(b => b.DeliveryModes).IsDefinedEnum();
        RuleFor(b => b.MonthlyBasePrice).NotNull().GreaterThanOrEqualTo(0).LessThanOrEqualTo(100_000_000);
    }
}

public sealed class ProductBodyValidator : AbstractValidator<ProductBody>
{
    public ProductBodyValidator()
    {
        Include(new ProductFieldsValidator());
        RuleFor(b => b.Status).IsDefinedEnum();
    }
}

/// <summary>A validated body as the offer the domain takes.</summary>
internal static class ProductFieldsExtensions
{
    public static ProductOffer ToOffer(this ProductFields fields) =>
        new(fields.Name!, fields.NameZh!, fields.Description, fields.Kind!.Value, fields.DeliveryModes!, fields.MonthlyBasePrice!.Value);
}

/// <summary>Where a product body places the product: create and update resolve it the same way.</summary>
internal static class ProductPlacement
{
    /// <summary>The series named by the body; a line code that is not the series' line is refused (a product belongs to a series of its own line).</summary>
    public static async Task<ProductSeries> SeriesForAsync(this IServiceDeskDbContext db, ProductFields body, CancellationToken cancellationToken)
    {
        var series = await db.ProductSeries.FirstOrDefaultAsync(s => s.Code == body.SeriesCode, cancellationToken)
            ?? throw new RequestValidationException("seriesCode", $"Product series '{body.SeriesCode}' does not exist.");
        if (body.LineCode is not null && body.LineCode != series.LineCode)
            throw new RequestValidationException("lineCode", $"Series '{series.Code}' belongs to line '{series.LineCode}', not '{body.LineCode}'.");
        return series;
    }
}
