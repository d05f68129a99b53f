using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Integrations.Commands;

/// <summary>Another attempt at a delivery now: a failed one gets a new retry period, a pending one is brought forward.</summary>
public sealed record RetryWebhookDeliveryCommand(string WebhookId, Guid DeliveryId, string? IfMatch) : ICommand<WebhookDeliveryResponse>;

internal sealed class RetryWebhookDeliveryHandler(IServiceDeskDbContext db, TimeProvider clock) : ICommandHandler<RetryWebhookDeliveryCommand, WebhookDeliveryResponse>
{
    public async ValueTask<WebhookDeliveryResponse> Handle(RetryWebhookDeliveryCommand command, CancellationToken cancellationToken)
    {
        var webhook = WebhookAccess.NormaliseWebhookId(command.WebhookId);
        var delivery = await db.WebhookDeliveries.LoadForUpdateAsync(
            d => d.Id == command.DeliveryId && d.SubscriptionId == webhook, command.IfMatch, "Webhook delivery", command.DeliveryId, cancellationToken);
        delivery.Retry(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return delivery.ToResponse();
    }
}
