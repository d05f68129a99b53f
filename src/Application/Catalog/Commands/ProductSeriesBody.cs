using FluentValidation;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>The writable fields of a series (its line is fixed at creation).</summary>
/// <param name="Name" example="Cloud Operations">English name.</param>
/// <param name="NameZh" example="云运维">Chinese name.</param>
/// <param name="Scope" example="cloud">What part of the estate the series covers.</param>
public sealed record ProductSeriesBody(string? Name, string? NameZh, string? Scope);

public sealed class ProductSeriesBodyValidator : AbstractValidator<ProductSeriesBody>
{
    public ProductSeriesBodyValidator()
    {
        RuleFor(b => b.Name).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.NameZh).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.Scope).MaximumLength(ProductSeries.ScopeMaxLength);
    }
}
