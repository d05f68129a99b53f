using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Application.Integrations;

/// <summary>Finds subscriptions the way every webhook use case must: by any spelling of their id, writes version-checked.</summary>
internal static class WebhookAccess
{
    public const string Noun = "Webhook";

    /// <summary>Subscription ids are GUIDs kept as canonical text; any GUID spelling finds its subscription.</summary>
    public static string NormaliseWebhookId(string id) => Guid.TryParse(id, out var guid) ? guid.ToString() : id;

    /// <summary>A tracked subscription for a write; 404 when missing; 412 on a stale If-Match.</summary>
    public static Task<WebhookSubscription> LoadWebhookForUpdateAsync(this IServiceDeskDbContext db, string id, string? ifMatch, CancellationToken cancellationToken)
    {
        var key = NormaliseWebhookId(id);
        return db.WebhookSubscriptions.LoadForUpdateAsync(s => s.Id == key, ifMatch, Noun, id, cancellationToken);
    }

    /// <summary>The URL is http(s), not a private address literal, and (unless private targets are allowed) its host resolves to public addresses only.</summary>
    public static async Task CheckTargetAsync(this IWebhookTargets targets, string? url, CancellationToken cancellationToken)
    {
        var uri = WebhookSubscription.CheckUrl(url, targets.AllowPrivateTargets);
        if (!targets.AllowPrivateTargets)
            await targets.EnsurePublicAsync(uri, cancellationToken);
    }
}
