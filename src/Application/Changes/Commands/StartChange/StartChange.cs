using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary></summary>
public sealed record StartChangeCommand(string Number, string? IfMatch) : ICommand<ChangeResponse>;

internal sealed class StartChangeHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<StartChangeCommand, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(StartChangeCommand command, CancellationToken cancellationToken)
    {
        var change = await db.LoadChangeForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        change.Start(user.ToActor(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }
}
