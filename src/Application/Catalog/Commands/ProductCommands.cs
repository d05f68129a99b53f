using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>The writable fields of a product (PUT replaces them all; PATCH merges into them).</summary>
/// <param name="SeriesCode" example="OPS-SD">The series; the product's line is always the series' line.</param>
/// <param name="LineCode" example="OPS">Optional; when given it must be the series' line.</param>
/// <param name="Name" example="24x7 IT Service Desk">English name.</param>
/// <param name="NameZh" example="7x24 IT服务台">Chinese name.</param>
/// <param name="Description">What the product delivers.</param>
/// <param name="Kind" example="support">support, request or recurring.</param>
/// <param name="DeliveryModes">Remote and/or OnSite.</param>
/// <param name="MonthlyBasePrice" example="1800">Monthly base price (CNY), not negative.</param>
/// <param name="Status" example="Active">Optional; Retired retires the product. A retired product is brought back only by the reinstate action.</param>
public sealed record ProductBody(
    string? SeriesCode,
    string? LineCode,
    string? Name,
    string? NameZh,
    string? Description,
    ProductKind? Kind,
    IReadOnlyList<DeliveryMode>? DeliveryModes,
    decimal? MonthlyBasePrice,
    ProductStatus? Status);

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

public sealed record UpdateProductCommand(string Code, ProductBody Body, string? IfMatch) : ICommand<ProductResponse>;

public sealed record RetireProductCommand(string Code, string? IfMatch) : ICommand<ProductResponse>;

public sealed record ReinstateProductCommand(string Code, string? IfMatch) : ICommand<ProductResponse>;

public sealed class ProductBodyValidator : AbstractValidator<ProductBody>
{
    public ProductBodyValidator()
    {
        RuleFor(b => b.SeriesCode).MustBeCode();
        RuleFor(b => b.LineCode!).MustBeCode().When(b => b.LineCode is not null);
        RuleFor(b => b.Name).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.NameZh).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.Description).MaximumLength(ProductLine.DescriptionMaxLength);
        RuleFor(b => b.Kind).NotNull().IsInEnum();
        RuleFor(b => b.DeliveryModes).NotEmpty();
        RuleForEach(b => b.DeliveryModes).IsInEnum();
        RuleFor(b => b.MonthlyBasePrice).NotNull().GreaterThanOrEqualTo(0).LessThanOrEqualTo(100_000_000);
        RuleFor(b => b.Status).IsInEnum();
    }
}

public sealed class CreateProductCommandValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductCommandValidator()
    {
        RuleFor(c => c.Code).MustBeCode();
        RuleFor(c => c.ToBody()).SetValidator(new ProductBodyValidator()).OverridePropertyName("Body");
    }
}

public sealed class UpdateProductCommandValidator : AbstractValidator<UpdateProductCommand>
{
    public UpdateProductCommandValidator() => RuleFor(c => c.Body).SetValidator(new ProductBodyValidator());
}

internal sealed class ProductCommandsHandler(IServiceDeskDbContext db, IProductLookup lookup, TimeProvider clock)
    : ICommandHandler<CreateProductCommand, ProductResponse>,
      ICommandHandler<UpdateProductCommand, ProductResponse>,
      ICommandHandler<RetireProductCommand, ProductResponse>,
      ICommandHandler<ReinstateProductCommand, ProductResponse>
{
    public async ValueTask<ProductResponse> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        if (await db.Products.AnyAsync(p => p.Code == command.Code, cancellationToken))
            throw ConflictException.Duplicate("product", "code", command.Code!);
        var body = command.ToBody();
        var series = await SeriesFor(body, cancellationToken);

        var product = new Product(command.Code!, series, body.Name!, body.NameZh!, body.Description, body.Kind!.Value, body.DeliveryModes!, body.MonthlyBasePrice!.Value);
        if (body.Status is { } status)
            product.RequestStatus(status, clock.GetUtcNow());
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(product.Code);
        return product.ToResponse();
    }

    public async ValueTask<ProductResponse> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var product = await Load(command.Code, command.IfMatch, cancellationToken);
        var body = command.Body;
        if (body.SeriesCode != product.SeriesCode || (body.LineCode is not null && body.LineCode != product.LineCode))
            product.MoveTo(await SeriesFor(body, cancellationToken));
        product.Update(body.Name!, body.NameZh!, body.Description, body.Kind!.Value, body.DeliveryModes!, body.MonthlyBasePrice!.Value);
        if (body.Status is { } status)
            product.RequestStatus(status, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(product.Code);
        return product.ToResponse();
    }

    public async ValueTask<ProductResponse> Handle(RetireProductCommand command, CancellationToken cancellationToken)
    {
        var product = await Load(command.Code, command.IfMatch, cancellationToken);
        product.Retire(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(product.Code);
        return product.ToResponse();
    }

    public async ValueTask<ProductResponse> Handle(ReinstateProductCommand command, CancellationToken cancellationToken)
    {
        var product = await Load(command.Code, command.IfMatch, cancellationToken);
        product.Reinstate();
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(product.Code);
        return product.ToResponse();
    }

    private async Task<Product> Load(string code, string? ifMatch, CancellationToken cancellationToken)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Code == code, cancellationToken)
            ?? throw new NotFoundException("Product", code);
        if (!ETags.Matches(ifMatch, ETags.FromVersion(product.Version)))
            throw new PreconditionFailedException("Product", code);
        return product;
    }

    /// <summary>The series named by the body; a line code that is not the series' line is refused (a product belongs to a series of its own line).</summary>
    private async Task<ProductSeries> SeriesFor(ProductBody body, CancellationToken cancellationToken)
    {
        var series = await db.ProductSeries.FirstOrDefaultAsync(s => s.Code == body.SeriesCode, cancellationToken)
            ?? throw new RequestValidationException("seriesCode", $"Product series '{body.SeriesCode}' does not exist.");
        if (body.LineCode is not null && body.LineCode != series.LineCode)
            throw new RequestValidationException("lineCode", $"Series '{series.Code}' belongs to line '{series.LineCode}', not '{body.LineCode}'.");
        return series;
    }
}
