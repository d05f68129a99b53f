using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;

namespace ServiceDesk.Application.Catalog.Queries;

/// <summary>Product lines ordered by code, each with its series (without their products).</summary>
public sealed record ListProductLinesQuery(PageRequest Page) : IQuery<Page<ProductLineResponse>>;

public sealed class ListProductLinesQueryValidator : AbstractValidator<ListProductLinesQuery>
{
    public ListProductLinesQueryValidator() =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListProductLinesHandler(IServiceDeskDbContext db) : IQueryHandler<ListProductLinesQuery, Page<ProductLineResponse>>
{
    public async ValueTask<Page<ProductLineResponse>> Handle(ListProductLinesQuery query, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<string>(query.Page.Cursor);
        var lines = db.ProductLines.AsNoTracking();
        if (after is not null)
            lines = lines.Where(l => string.Compare(l.Code, after) > 0);
        var page = await lines.OrderBy(l => l.Code).ToPageAsync(query.Page.Size, l => l.Code, cancellationToken);

        var codes = page.Items.Select(l => l.Code).ToList();
        var series = await db.ProductSeries.AsNoTracking()
            .Where(s => codes.Contains(s.LineCode))
            .OrderBy(s => s.Code)
            .ToListAsync(cancellationToken);
        var byLine = series.ToLookup(s => s.LineCode);

        var items = page.Items
            .Select(l => l.ToResponse(byLine[l.Code].Select(s => s.ToResponse(products: null)).ToList()))
            .ToList();
        return new Page<ProductLineResponse>(items, page.NextCursor);
    }
}
