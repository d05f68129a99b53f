namespace ServiceDesk.Application.Integrations;

/// <summary>
/// Where webhooks may go (the SSRF guard): public addresses only, unless <c>Webhooks:AllowPrivateTargets</c> is set for
/// on-premises receivers and tests. Checked at subscription here, and again on the connected address at each delivery.
/// </summary>
public interface IWebhookTargets
{
    bool AllowPrivateTargets { get; }

    /// <summary>Resolves the URL's host and refuses it (422 <c>private-target</c> on <c>url</c>) when any address it resolves to is not public.</summary>
    Task EnsurePublicAsync(Uri url, CancellationToken cancellationToken);
}
