using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Application.Integrations.Queries;

/// <summary>A subscription's deliveries, newest event first, optionally of one status: attempts, last answer, next attempt.</summary>
public sealed record ListWebhookDeliveriesQuery(string WebhookId, WebhookDeliveryStatus? Status, PageRequest Page) : IQuery<Page<WebhookDeliveryResponse>>;

public sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesQueryValidator() =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListWebhookDeliveriesHandler(IServiceDeskDbContext db) : IQueryHandler<ListWebhookDeliveriesQuery, Page<WebhookDeliveryResponse>>
{
    public async ValueTask<Page<WebhookDeliveryResponse>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        var webhook = WebhookAccess.NormaliseWebhookId(query.WebhookId);
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == webhook, cancellationToken))
            throw new NotFoundException(WebhookAccess.Noun, query.WebhookId);

        // Each event is delivered to a subscription once, so the event's position alone orders its deliveries.
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == webhook);
        if (query.Status is { } status)
            deliveries = deliveries.Where(d => d.Status == status);
        if (Cursor.Decode<DeliveryCursor>(query.Page.Cursor) is { } after)
            deliveries = deliveries.Where(d => d.EventPosition < after.Position);

        var page = await deliveries
            .OrderByDescending(d => d.EventPosition)
            .ToPageAsync(query.Page.Size, d => new DeliveryCursor(d.EventPosition), cancellationToken);
        return new Page<WebhookDeliveryResponse>(page.Items.Select(d => d.ToResponse()).ToList(), page.NextCursor);
    }

    private sealed record DeliveryCursor(long Position);
}
