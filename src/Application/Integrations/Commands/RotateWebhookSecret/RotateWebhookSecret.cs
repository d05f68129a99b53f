using Mediator;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Integrations.Commands;

/// <summary>A new signing secret, shown once; the previous one keeps signing alongside it for 24 hours.</summary>
public sealed record RotateWebhookSecretCommand(string Id, string? IfMatch) : ICommand<WebhookSecretResponse>;

internal sealed class RotateWebhookSecretHandler(IServiceDeskDbContext db, TimeProvider clock) : ICommandHandler<RotateWebhookSecretCommand, WebhookSecretResponse>
{
    public async ValueTask<WebhookSecretResponse> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadWebhookForUpdateAsync(command.Id, command.IfMatch, cancellationToken);
        var secret = subscription.RotateSecret(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookSecretResponse(subscription.Id, secret, subscription.PreviousSecretValidUntil!.Value) { Version = subscription.Version };
    }
}
