using Mediator;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace ServiceDesk.Application.Integrations.Commands;

/// <summary>Sends a <c>ping</c> event to one subscription (through the outbox, like every event), to test its receiver.</summary>
public sealed record PingWebhookCommand(string Id) : ICommand;

internal sealed class PingWebhookHandler(IServiceDeskDbContext db, TimeProvider clock) : ICommandHandler<PingWebhookCommand>
{
    public async ValueTask<Unit> Handle(PingWebhookCommand command, CancellationToken cancellationToken)
    {
        var key = WebhookAccess.NormaliseWebhookId(command.Id);
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == key, cancellationToken)
            ?? throw new NotFoundException(WebhookAccess.Noun, command.Id);
        subscription.Ping(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
