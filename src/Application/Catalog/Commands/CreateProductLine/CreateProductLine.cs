using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Catalog.Queries;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>Body of <c>POST /catalog/product-lines</c>.</summary>
/// <param name="Code" example="CLOUD">New, unique code: up to 32 of A-Z, 0-9, '-'.</param>
/// <param name="Name" example="Cloud Services">English name.</param>
/// <param name="NameZh" example="云服务">Chinese name.</param>
/// <param name="Description">What the line covers.</param>
public sealed record CreateProductLineCommand(string? Code, string? Name, string? NameZh, string? Description) : ICommand<ProductLineResponse>;

public sealed class CreateProductLineCommandValidator : AbstractValidator<CreateProductLineCommand>
{
    public CreateProductLineCommandValidator()
    {
        RuleFor(c => c.Code).MustBeCode();
        RuleFor(c => new ProductLineBody(c.Name, c.NameZh, c.Description))
            .SetValidator(new ProductLineBodyValidator()).OverridePropertyName("Body");
    }
}

internal sealed class CreateProductLineHandler(IServiceDeskDbContext db, ISender sender) : ICommandHandler<CreateProductLineCommand, ProductLineResponse>
{
    public async ValueTask<ProductLineResponse> Handle(CreateProductLineCommand command, CancellationToken cancellationToken)
    {
        if (await db.ProductLines.AnyAsync(l => l.Code == command.Code, cancellationToken))
            throw ConflictException.Duplicate("product line", "code", command.Code!);
        db.ProductLines.Add(new ProductLine(command.Code!, command.Name!, command.NameZh!, command.Description));
        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetProductLineQuery(command.Code!), cancellationToken);
    }
}
