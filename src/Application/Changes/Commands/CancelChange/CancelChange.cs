using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary></summary>
public sealed record CancelChangeCommand(string Number, string? IfMatch) : ICommand<ChangeResponse>;

internal sealed class CancelChangeHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CancelChangeCommand, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(CancelChangeCommand command, CancellationToken cancellationToken)
    {
        var change = await db.LoadChangeForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        change.Cancel(user.ToActor(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }
}
