using Mediator;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Integrations.Commands;

/// <summary>Deletes a subscription and its deliveries (nothing more is sent to it).</summary>
public sealed record DeleteWebhookCommand(string Id, string? IfMatch) : ICommand;

internal sealed class DeleteWebhookHandler(IServiceDeskDbContext db) : ICommandHandler<DeleteWebhookCommand>
{
    public async ValueTask<Unit> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadWebhookForUpdateAsync(command.Id, command.IfMatch, cancellationToken);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
