using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Catalog.Queries;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>The writable fields of a series (its line is fixed at creation).</summary>
/// <param name="Name" example="Cloud Operations">English name.</param>
/// <param name="NameZh" example="云运维">Chinese name.</param>
/// <param name="Scope" example="cloud">What part of the estate the series covers.</param>
public sealed record ProductSeriesBody(string? Name, string? NameZh, string? Scope);

/// <summary>Body of <c>POST /catalog/series</c>.</summary>
/// <param name="Code" example="OPS-CLD">New, unique code.</param>
/// <param name="LineCode" example="OPS">The line the series belongs to.</param>
/// <param name="Name" example="Cloud Operations">English name.</param>
/// <param name="NameZh" example="云运维">Chinese name.</param>
/// <param name="Scope" example="cloud">What part of the estate the series covers.</param>
public sealed record CreateProductSeriesCommand(string? Code, string? LineCode, string? Name, string? NameZh, string? Scope) : ICommand<ProductSeriesResponse>;

public sealed record UpdateProductSeriesCommand(string Code, ProductSeriesBody Body, string? IfMatch) : ICommand<ProductSeriesResponse>;

public sealed class ProductSeriesBodyValidator : AbstractValidator<ProductSeriesBody>
{
    public ProductSeriesBodyValidator()
    {
        RuleFor(b => b.Name).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.NameZh).NotEmpty().MaximumLength(ProductLine.NameMaxLength);
        RuleFor(b => b.Scope).MaximumLength(ProductSeries.ScopeMaxLength);
    }
}

public sealed class CreateProductSeriesCommandValidator : AbstractValidator<CreateProductSeriesCommand>
{
    public CreateProductSeriesCommandValidator()
    {
        RuleFor(c => c.Code).MustBeCode();
        RuleFor(c => c.LineCode).MustBeCode();
        RuleFor(c => new ProductSeriesBody(c.Name, c.NameZh, c.Scope))
            .SetValidator(new ProductSeriesBodyValidator()).OverridePropertyName("Body");
    }
}

public sealed class UpdateProductSeriesCommandValidator : AbstractValidator<UpdateProductSeriesCommand>
{
    public UpdateProductSeriesCommandValidator() => RuleFor(c => c.Body).SetValidator(new ProductSeriesBodyValidator());
}

internal sealed class ProductSeriesCommandsHandler(IServiceDeskDbContext db, ISender sender)
    : ICommandHandler<CreateProductSeriesCommand, ProductSeriesResponse>,
      ICommandHandler<UpdateProductSeriesCommand, ProductSeriesResponse>
{
    public async ValueTask<ProductSeriesResponse> Handle(CreateProductSeriesCommand command, CancellationToken cancellationToken)
    {
        if (await db.ProductSeries.AnyAsync(s => s.Code == command.Code, cancellationToken))
            throw ConflictException.Duplicate("product series", "code", command.Code!);
        var line = await db.ProductLines.FirstOrDefaultAsync(l => l.Code == command.LineCode, cancellationToken)
            ?? throw new RequestValidationException("lineCode", $"Product line '{command.LineCode}' does not exist.");

        db.ProductSeries.Add(new ProductSeries(command.Code!, line, command.Name!, command.NameZh!, command.Scope));
        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetProductSeriesQuery(command.Code!), cancellationToken);
    }

    public async ValueTask<ProductSeriesResponse> Handle(UpdateProductSeriesCommand command, CancellationToken cancellationToken)
    {
        var current = await sender.Send(new GetProductSeriesQuery(command.Code), cancellationToken);
        if (!ETags.Matches(command.IfMatch, current.ETag))
            throw new PreconditionFailedException("Product series", command.Code);

        var series = await db.ProductSeries.FirstAsync(s => s.Code == command.Code, cancellationToken);
        series.Update(command.Body.Name!, command.Body.NameZh!, command.Body.Scope);
        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetProductSeriesQuery(command.Code), cancellationToken);
    }
}
