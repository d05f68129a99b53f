using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Catalog.Queries;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>Body of <c>POST /catalog/series</c>.</summary>
/// <param name="Code" example="OPS-CLD">New, unique code.</param>
/// <param name="LineCode" example="OPS">The line the series belongs to.</param>
/// <param name="Name" example="Cloud Operations">English name.</param>
/// <param name="NameZh" example="云运维">Chinese name.</param>
/// <param name="Scope" example="cloud">What part of the estate the series covers.</param>
public sealed record CreateProductSeriesCommand(string? Code, string? LineCode, string? Name, string? NameZh, string? Scope) : ICommand<ProductSeriesResponse>;

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

internal sealed class CreateProductSeriesHandler(IServiceDeskDbContext db, ISender sender) : ICommandHandler<CreateProductSeriesCommand, ProductSeriesResponse>
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
}
