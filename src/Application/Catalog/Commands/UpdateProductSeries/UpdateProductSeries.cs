using FluentValidation;
using Mediator;
using ServiceDesk.Application.Catalog.Queries;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Catalog.Commands;

/// <summary>Replaces a series' names and scope (PUT, and PATCH after the merge).</summary>
public sealed record UpdateProductSeriesCommand(string Code, ProductSeriesBody Body, string? IfMatch) : ICommand<ProductSeriesResponse>;

public sealed class UpdateProductSeriesCommandValidator : AbstractValidator<UpdateProductSeriesCommand>
{
    public UpdateProductSeriesCommandValidator() => RuleFor(c => c.Body).SetValidator(new ProductSeriesBodyValidator());
}

internal sealed class UpdateProductSeriesHandler(IServiceDeskDbContext db, ISender sender) : ICommandHandler<UpdateProductSeriesCommand, ProductSeriesResponse>
{
    public async ValueTask<ProductSeriesResponse> Handle(UpdateProductSeriesCommand command, CancellationToken cancellationToken)
    {
        // The series' tag covers its products, so the caller's If-Match is compared with the whole representation.
        var series = await db.ProductSeries.LoadForUpdateAsync(s => s.Code == command.Code, command.IfMatch, "Product series", command.Code,
            async (s, ct) => (await sender.Send(new GetProductSeriesQuery(s.Code), ct)).ETag, cancellationToken);
        series.Update(command.Body.Name!, command.Body.NameZh!, command.Body.Scope);
        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetProductSeriesQuery(command.Code), cancellationToken);
    }
}
