using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using ServiceDesk.Application.Integrations;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Infrastructure.Integrations.Webhooks;

/// <summary>Resolves host names for webhooks (a seam: tests answer with addresses of their choosing).</summary>
public interface IWebhookHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>DNS, and address literals as themselves.</summary>
internal sealed class DnsWebhookHostResolver : IWebhookHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var address) ? Task.FromResult(new[] { address }) : Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>A delivery refused because its host resolved to a non-public address.</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);

/// <summary>The SSRF guard at subscription: every address the host resolves to must be public.</summary>
internal sealed class WebhookTargets(IWebhookHostResolver resolver, IOptions<WebhookOptions> options) : IWebhookTargets
{
    public bool AllowPrivateTargets => options.Value.AllowPrivateTargets;

    public async Task EnsurePublicAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            // Not resolvable now (a receiver not yet in DNS): accepted; every delivery checks the address it connects to.
            return;
        }

        if (addresses.FirstOrDefault(a => !NetworkTargets.IsPublic(a)) is { } refused)
            throw DomainException.PrivateTarget($"'{url.Host}' resolves to {refused}, which is not a public address: webhooks go to public addresses only.");
    }
}
