using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>Submits a complete Draft; a Standard change (Low risk, request products only) is approved at once.</summary>
public sealed record SubmitChangeCommand(string Number, string? IfMatch) : ICommand<ChangeResponse>;

internal sealed class SubmitChangeHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SubmitChangeCommand, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(SubmitChangeCommand command, CancellationToken cancellationToken)
    {
        var change = await db.LoadChangeForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        var now = clock.GetUtcNow();
        change.Submit(await db.ProductKindsAsync(change.ProductCodes, "productCodes", cancellationToken), user.ToActor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }
}
