using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>Replaces a product's writable fields (PUT, and PATCH after the merge); a new series moves it, a status retires it.</summary>
public sealed record UpdateProductCommand(string Code, ProductBody Body, string? IfMatch) : ICommand<ProductResponse>;

public sealed class UpdateProductCommandValidator : AbstractValidator<UpdateProductCommand>
{
    public UpdateProductCommandValidator() => RuleFor(c => c.Body).SetValidator(new ProductBodyValidator());
}

internal sealed class UpdateProductHandler(IServiceDeskDbContext db, IProductLookup lookup, TimeProvider clock) : ICommandHandler<UpdateProductCommand, ProductResponse>
{
    public async ValueTask<ProductResponse> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.Products.LoadForUpdateAsync(p => p.Code == command.Code, command.IfMatch, "Product", command.Code, cancellationToken);
        var body = command.Body;
        if (body.SeriesCode != product.SeriesCode || (body.LineCode is not null && body.LineCode != product.LineCode))
            product.MoveTo(await db.SeriesForAsync(body, cancellationToken));
        product.Update(body.ToOffer());
        if (body.Status is { } status)
            product.RequestStatus(status, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(product.Code);
        return product.ToResponse();
    }
}
