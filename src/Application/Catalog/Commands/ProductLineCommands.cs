using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Catalog.Queries;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>The writable fields of a product line.</summary>
/// <param name="Name" example="Operations &amp; Maintenance Services">English name.</param>
/// <param name="NameZh" example="运维服务">Chinese name.</param>
/// <param name="Description">What the line covers.</param>
public sealed record ProductLineBody(string? Name, string? NameZh, string? Description);

/// <summary>Body of <c>POST /catalog/product-lines</c>.</summary>
/// <param name="Code" example="CLOUD">New, unique code: up to 32 of A-Z, 0-9, '-'.</param>
/// <param name="Name" example="Cloud Services">English name.</param>
/// <param name="NameZh" example="云服务">Chinese name.</param>
/// <param name="Description">What the line covers.</param>
public sealed record CreateProductLineCommand(string? Code, string? Name, string? NameZh, string? Description) : ICommand<ProductLineResponse>;

public sealed record UpdateProductLineCommand(string Code, ProductLineBody Body, string? IfMatch) : ICommand<ProductLineResponse>;

public sealed class ProductLineBodyValidator : AbstractValidator<ProductLineBody>
{
    public ProductLineBodyValidator()
    {
        RuleFor(b => b.Name).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.NameZh).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.Description).MaximumLength(ProductLine.DescriptionMaxLength);
    }
}

public sealed class CreateProductLineCommandValidator : AbstractValidator<CreateProductLineCommand>
{
    public CreateProductLineCommandValidator()
    {
        RuleFor(c => c.Code).MustBeCode();
        RuleFor(c => new ProductLineBody(c.Name, c.NameZh, c.Description))
            .SetValidator(new ProductLineBodyValidator()).OverridePropertyName("Body");
    }
}

public sealed class UpdateProductLineCommandValidator : AbstractValidator<UpdateProductLineCommand>
{
    public UpdateProductLineCommandValidator() => RuleFor(c => c.Body).SetValidator(new ProductLineBodyValidator());
}

internal sealed class ProductLineCommandsHandler(IServiceDeskDbContext db, ISender sender)
    : ICommandHandler<CreateProductLineCommand, ProductLineResponse>,
      ICommandHandler<UpdateProductLineCommand, ProductLineResponse>
{
    public async ValueTask<ProductLineResponse> Handle(CreateProductLineCommand command, CancellationToken cancellationToken)
    {
        if (await db.ProductLines.AnyAsync(l => l.Code == command.Code, cancellationToken))
            throw ConflictException.Duplicate("product line", "code", command.Code!);
        db.ProductLines.Add(new ProductLine(command.Code!, command.Name!, command.NameZh!, command.Description));
        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetProductLineQuery(command.Code!), cancellationToken);
    }

    public async ValueTask<ProductLineResponse> Handle(UpdateProductLineCommand command, CancellationToken cancellationToken)
    {
        var current = await sender.Send(new GetProductLineQuery(command.Code), cancellationToken);
        if (!ETags.Matches(command.IfMatch, current.ETag))
            throw new PreconditionFailedException("Product line", command.Code);

        var line = await db.ProductLines.FirstAsync(l => l.Code == command.Code, cancellationToken);
        line.Rename(command.Body.Name!, command.Body.NameZh!, command.Body.Description);
        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetProductLineQuery(command.Code), cancellationToken);
    }
}
