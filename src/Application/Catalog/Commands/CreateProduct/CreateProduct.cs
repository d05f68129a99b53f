using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>Body of <c>POST /catalog/products</c>: a new code and the writable fields.</summary>
public sealed record CreateProductCommand : ProductFields, ICommand<ProductResponse>
{
    /// <summary>New, unique code.</summary>
    /// <example>OPS-SD-06</example>
    public string? Code { get; init; }

    /// <summary>Optional; defaults to Active.</summary>
    /// <example>Active</example>
    public ProductStatus? Status { get; init; }
}

public sealed class CreateProductCommandValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductCommandValidator()
    {
        RuleFor(c => c.Code).MustBeCode();
        Include(new ProductFieldsValidator());
        RuleFor(c => c.Status).IsDefinedEnum();
    }
}

internal sealed class CreateProductHandler(IServiceDeskDbContext db, IProductLookup lookup, TimeProvider clock) : ICommandHandler<CreateProductCommand, ProductResponse>
{
    public async ValueTask<ProductResponse> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        if (await db.Products.AnyAsync(p => p.Code == command.Code, cancellationToken))
            throw ConflictException.Duplicate("product", "code", command.Code!);
        var series = await db.SeriesForAsync(command, cancellationToken);

        var product = new Product(command.Code!, series, command.ToOffer());
        if (command.Status is { } status)
            product.RequestStatus(status, clock.GetUtcNow());
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(product.Code);
        return product.ToResponse();
    }
}
