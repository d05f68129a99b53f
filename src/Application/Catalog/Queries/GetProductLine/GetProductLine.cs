using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Catalog.Queries;

/// <summary>One product line with its series and their products.</summary>
public sealed record GetProductLineQuery(string Code) : IQuery<ProductLineResponse>;

internal sealed class GetProductLineHandler(IServiceDeskDbContext db) : IQueryHandler<GetProductLineQuery, ProductLineResponse>
{
    public async ValueTask<ProductLineResponse> Handle(GetProductLineQuery query, CancellationToken cancellationToken)
    {
        var line = await db.ProductLines.AsNoTracking().FirstOrDefaultAsync(l => l.Code == query.Code, cancellationToken)
            ?? throw new NotFoundException("Product line", query.Code);
        var series = await db.ProductSeries.AsNoTracking()
            .Where(s => s.LineCode == line.Code)
            .OrderBy(s => s.Code)
            .ToListAsync(cancellationToken);
        var products = await db.Products.AsNoTracking()
            .Where(p => p.LineCode == line.Code)
            .OrderBy(p => p.Code)
            .ProjectToResponse()
            .ToListAsync(cancellationToken);
        var productsBySeries = products.ToLookup(p => p.SeriesCode);

        var seriesResponses = series
            .Select(s => s.ToResponse(productsBySeries[s.Code].ToList()))
            .ToList();
        return line.ToResponse(seriesResponses);
    }
}
