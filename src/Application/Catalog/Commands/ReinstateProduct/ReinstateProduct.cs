using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>Brings a retired product back on sale.</summary>
public sealed record ReinstateProductCommand(string Code, string? IfMatch) : ICommand<ProductResponse>;

internal sealed class ReinstateProductHandler(IServiceDeskDbContext db, IProductLookup lookup) : ICommandHandler<ReinstateProductCommand, ProductResponse>
{
    public async ValueTask<ProductResponse> Handle(ReinstateProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.Products.LoadForUpdateAsync(p => p.Code == command.Code, command.IfMatch, "Product", command.Code, cancellationToken);
        product.Reinstate();
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(product.Code);
        return product.ToResponse();
    }
}
