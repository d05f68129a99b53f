using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>Body of <c>POST /catalog/products</c>: a new code and the writable fields.</summary>
/// <param name="Code" example="OPS-SD-06">New, unique code.</param>
/// <param name="SeriesCode" example="OPS-SD">The series; the product's line is always the series' line.</param>
/// <param name="LineCode" example="OPS">Optional; when given it must be the series' line.</param>
/// <param name="Name" example="Meeting Room Support">English name.</param>
/// <param name="NameZh" example="会议室支持">Chinese name.</param>
/// <param name="Description">What the product delivers.</param>
/// <param name="Kind" example="support">support, request or recurring.</param>
/// <param name="DeliveryModes">Remote and/or OnSite.</param>
/// <param name="MonthlyBasePrice" example="900">Monthly base price (CNY), not negative.</param>
/// <param name="Status" example="Active">Optional; defaults to Active.</param>
public sealed record CreateProductCommand(
    string? Code,
    string? SeriesCode,
    string? LineCode,
    string? Name,
    string? NameZh,
    string? Description,
    ProductKind? Kind,
    IReadOnlyList<DeliveryMode>? DeliveryModes,
    decimal? MonthlyBasePrice,
    ProductStatus? Status) : ICommand<ProductResponse>
{
    public ProductBody ToBody() => new(SeriesCode, LineCode, Name, NameZh, Description, Kind, DeliveryModes, MonthlyBasePrice, Status);
}

public sealed class CreateProductCommandValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductCommandValidator()
    {
        RuleFor(c => c.Code).MustBeCode();
        RuleFor(c => c.ToBody()).SetValidator(new ProductBodyValidator()).OverridePropertyName("Body");
    }
}

internal sealed class CreateProductHandler(IServiceDeskDbContext db, IProductLookup lookup, TimeProvider clock) : ICommandHandler<CreateProductCommand, ProductResponse>
{
    public async ValueTask<ProductResponse> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        if (await db.Products.AnyAsync(p => p.Code == command.Code, cancellationToken))
            throw ConflictException.Duplicate("product", "code", command.Code!);
        var body = command.ToBody();
        var series = await db.SeriesForAsync(body, cancellationToken);

        var product = new Product(command.Code!, series, body.Name!, body.NameZh!, body.Description, body.Kind!.Value, body.DeliveryModes!, body.MonthlyBasePrice!.Value);
        if (body.Status is { } status)
            product.RequestStatus(status, clock.GetUtcNow());
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(product.Code);
        return product.ToResponse();
    }
}
