using FluentValidation;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>The writable fields of a product line.</summary>
/// <param name="Name" example="Operations &amp; Maintenance Services">English name.</param>
/// <param name="NameZh" example="运维服务">Chinese name.</param>
/// <param name="Description">What the line covers.</param>
public sealed record ProductLineBody(string? Name, string? NameZh, string? Description);

public sealed class ProductLineBodyValidator : AbstractValidator<ProductLineBody>
{
    public ProductLineBodyValidator()
    {
        RuleFor(b => b.Name).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.NameZh).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.Description).MaximumLength(ProductLine.DescriptionMaxLength);
    }
}
