using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog.Queries;

/// <summary>Products ordered by code, filtered by line, series, kind, status and a free-text <c>q</c> over code and both names.</summary>
public sealed record ListProductsQuery(
    string? Line,
    string? Series,
    ProductKind? Kind,
    ProductStatus? Status,
    string? Q,
    PageRequest Page) : IQuery<Page<ProductResponse>>;

public sealed class ListProductsQueryValidator : AbstractValidator<ListProductsQuery>
{
    public ListProductsQueryValidator()
    {
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Q).MaximumLength(200).OverridePropertyName("q");
    }
}

internal sealed class ListProductsHandler(IServiceDeskDbContext db) : IQueryHandler<ListProductsQuery, Page<ProductResponse>>
{
    public async ValueTask<Page<ProductResponse>> Handle(ListProductsQuery query, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Line))
            products = products.Where(p => p.LineCode == query.Line);
        if (!string.IsNullOrWhiteSpace(query.Series))
            products = products.Where(p => p.SeriesCode == query.Series);
        if (query.Kind is { } kind)
            products = products.Where(p => p.Kind == kind);
        if (query.Status is { } status)
            products = products.Where(p => p.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLowerInvariant();
            products = products.Where(p =>
                p.Code.ToLower().Contains(text) || p.Name.ToLower().Contains(text) || p.NameZh.ToLower().Contains(text));
        }

        var after = Cursor.Decode<string>(query.Page.Cursor);
        if (after is not null)
            products = products.Where(p => string.Compare(p.Code, after) > 0);

        return await products
            .OrderBy(p => p.Code)
            .ProjectToResponse()
            .ToPageAsync(query.Page.Size, p => p.Code, cancellationToken);
    }
}
