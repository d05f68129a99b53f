using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Catalog.Queries;

/// <summary>Price of a product at a service level for a quantity over a number of months.</summary>
public sealed record GetQuoteQuery(string ProductCode, string? ServiceLevel, int Quantity, int Months) : IQuery<QuoteResponse>;

public sealed class GetQuoteQueryValidator : AbstractValidator<GetQuoteQuery>
{
    public GetQuoteQueryValidator()
    {
        RuleFor(q => q.ServiceLevel).NotEmpty().OverridePropertyName("serviceLevel").WithMessage("'serviceLevel' is required.");
        RuleFor(q => q.Quantity).InclusiveBetween(1, 100_000).OverridePropertyName("quantity");
        RuleFor(q => q.Months).InclusiveBetween(1, 120).OverridePropertyName("months");
    }
}

internal sealed class GetQuoteHandler(IServiceDeskDbContext db) : IQueryHandler<GetQuoteQuery, QuoteResponse>
{
    public const string Currency = "CNY";

    public async ValueTask<QuoteResponse> Handle(GetQuoteQuery query, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Code == query.ProductCode, cancellationToken)
            ?? throw new NotFoundException("Product", query.ProductCode);
        var level = await db.ServiceLevels.AsNoTracking()
            .Where(l => l.Code == query.ServiceLevel)
            .Select(l => new { l.Code, l.PriceMultiplier })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new RequestValidationException("serviceLevel", $"Service level '{query.ServiceLevel}' does not exist.");
        product.EnsureAvailable("productCode");

        return new QuoteResponse(
            product.Code,
            level.Code,
            query.Quantity,
            query.Months,
            product.MonthlyBasePrice,
            level.PriceMultiplier,
            product.Quote(level.PriceMultiplier, query.Quantity, query.Months),
            Currency);
    }
}
