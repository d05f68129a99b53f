using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Integrations.Queries;

/// <summary>One subscription (never its secret).</summary>
public sealed record GetWebhookQuery(string Id) : IQuery<WebhookResponse>;

internal sealed class GetWebhookHandler(IServiceDeskDbContext db) : IQueryHandler<GetWebhookQuery, WebhookResponse>
{
    public async ValueTask<WebhookResponse> Handle(GetWebhookQuery query, CancellationToken cancellationToken)
    {
        var key = WebhookAccess.NormaliseWebhookId(query.Id);
        return await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Id == key).ProjectToResponse().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(WebhookAccess.Noun, query.Id);
    }
}
