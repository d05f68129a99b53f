using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>Retires a product: it stays readable but cannot be sold or ticketed.</summary>
public sealed record RetireProductCommand(string Code, string? IfMatch) : ICommand<ProductResponse>;

internal sealed class RetireProductHandler(IServiceDeskDbContext db, IProductLookup lookup, TimeProvider clock) : ICommandHandler<RetireProductCommand, ProductResponse>
{
    public async ValueTask<ProductResponse> Handle(RetireProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.Products.LoadForUpdateAsync(p => p.Code == command.Code, command.IfMatch, "Product", command.Code, cancellationToken);
        product.Retire(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(product.Code);
        return product.ToResponse();
    }
}
