using FluentValidation;
using Mediator;
using ServiceDesk.Application.Catalog.Queries;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>Replaces a line's names and description (PUT, and PATCH after the merge).</summary>
public sealed record UpdateProductLineCommand(string Code, ProductLineBody Body, string? IfMatch) : ICommand<ProductLineResponse>;

public sealed class UpdateProductLineCommandValidator : AbstractValidator<UpdateProductLineCommand>
{
    public UpdateProductLineCommandValidator() => RuleFor(c => c.Body).SetValidator(new ProductLineBodyValidator());
}

internal sealed class UpdateProductLineHandler(IServiceDeskDbContext db, ISender sender) : ICommandHandler<UpdateProductLineCommand, ProductLineResponse>
{
    public async ValueTask<ProductLineResponse> Handle(UpdateProductLineCommand command, CancellationToken cancellationToken)
    {
        // The line's tag covers its series and products, so the caller's If-Match is compared with the whole representation.
        var line = await db.ProductLines.LoadForUpdateAsync(l => l.Code == command.Code, command.IfMatch, "Product line", command.Code,
            async (l, ct) => (await sender.Send(new GetProductLineQuery(l.Code), ct)).ETag, cancellationToken);
        line.Rename(command.Body.Name!, command.Body.NameZh!, command.Body.Description);
        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetProductLineQuery(command.Code), cancellationToken);
    }
}
