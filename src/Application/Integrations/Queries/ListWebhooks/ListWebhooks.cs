using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;

namespace ServiceDesk.Application.Integrations.Queries;

/// <summary>Subscriptions in the order they were created (never their secrets).</summary>
public sealed record ListWebhooksQuery(PageRequest Page) : IQuery<Page<WebhookResponse>>;

public sealed class ListWebhooksQueryValidator : AbstractValidator<ListWebhooksQuery>
{
    public ListWebhooksQueryValidator() =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListWebhooksHandler(IServiceDeskDbContext db) : IQueryHandler<ListWebhooksQuery, Page<WebhookResponse>>
{
    public async ValueTask<Page<WebhookResponse>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        var subscriptions = db.WebhookSubscriptions.AsNoTracking();
        if (Cursor.Decode<WebhookCursor>(query.Page.Cursor) is { } after)
            subscriptions = subscriptions.Where(s => s.CreatedAt > after.CreatedAt || (s.CreatedAt == after.CreatedAt && string.Compare(s.Id, after.Id) > 0));

        return await subscriptions
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ProjectToResponse()
            .ToPageAsync(query.Page.Size, s => new WebhookCursor(s.CreatedAt, s.Id), cancellationToken);
    }

    private sealed record WebhookCursor(DateTimeOffset CreatedAt, string Id);
}
