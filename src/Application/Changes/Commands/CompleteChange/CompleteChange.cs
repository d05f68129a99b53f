using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary></summary>
public sealed record CompleteChangeCommand(string Number, string? IfMatch) : ICommand<ChangeResponse>;

internal sealed class CompleteChangeHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CompleteChangeCommand, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(CompleteChangeCommand command, CancellationToken cancellationToken)
    {
        var change = await db.LoadChangeForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        change.Complete(user.ToActor(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }
}
