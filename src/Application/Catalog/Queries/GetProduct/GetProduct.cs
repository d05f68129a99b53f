using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Catalog.Queries;

/// <summary>One product by code (retired products stay readable).</summary>
public sealed record GetProductQuery(string Code) : IQuery<ProductResponse>;

internal sealed class GetProductHandler(IServiceDeskDbContext db) : IQueryHandler<GetProductQuery, ProductResponse>
{
    public async ValueTask<ProductResponse> Handle(GetProductQuery query, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking()
            .Where(p => p.Code == query.Code)
            .ProjectToResponse()
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Product", query.Code);
}
