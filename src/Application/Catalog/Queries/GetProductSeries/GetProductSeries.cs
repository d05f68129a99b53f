using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Catalog.Queries;

/// <summary>One series with its products.</summary>
public sealed record GetProductSeriesQuery(string Code) : IQuery<ProductSeriesResponse>;

internal sealed class GetProductSeriesHandler(IServiceDeskDbContext db) : IQueryHandler<GetProductSeriesQuery, ProductSeriesResponse>
{
    public async ValueTask<ProductSeriesResponse> Handle(GetProductSeriesQuery query, CancellationToken cancellationToken)
    {
        var series = await db.ProductSeries.AsNoTracking().FirstOrDefaultAsync(s => s.Code == query.Code, cancellationToken)
            ?? throw new NotFoundException("Product series", query.Code);
        var products = await db.Products.AsNoTracking()
            .Where(p => p.SeriesCode == series.Code)
            .OrderBy(p => p.Code)
            .ProjectToResponse()
            .ToListAsync(cancellationToken);
        return series.ToResponse(products);
    }
}
