using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Polly.Timeout;
using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Infrastructure.Integrations.Webhooks;

/// <summary>What one attempt came to: a 2xx, another answer, or no answer (timeout, refused, unreachable).</summary>
public sealed record WebhookOutcome(bool Delivered, int? StatusCode, string? Error);

/// <summary>An event on its way to one subscription.</summary>
public sealed record WebhookMessage(Guid EventId, string Type, DateTimeOffset OccurredAt, string Data, string Url, IReadOnlyList<string> Secrets);

/// <summary>
/// Sends one signed delivery through the named <see cref="ClientName"/> client: its handler checks the address it
/// connects to (<see cref="ConnectAsync"/>), the resilience pipeline bounds each attempt (<c>Webhooks:TimeoutSeconds</c>).
/// Retries are the dispatcher's, not the client's: they are durable and spaced out over hours.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    /// <summary>The delivery body: <c>{ id, type, occurredAt, data }</c>, the data as the outbox holds it.</summary>
    public static byte[] Body(Guid eventId, string type, DateTimeOffset occurredAt, string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var stream = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("id", eventId);
            json.WriteString("type", type);
            json.WriteString("occurredAt", occurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            json.WritePropertyName("data");
            json.WriteRawValue(data);
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    public async Task<WebhookOutcome> SendAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = Body(message.EventId, message.Type, message.OccurredAt, message.Data);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-ServiceDesk-Event", message.Type);
        request.Headers.Add("X-ServiceDesk-Delivery", message.EventId.ToString());
        request.Headers.Add("X-ServiceDesk-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-ServiceDesk-Signature", WebhookSignature.Header(message.Secrets, timestamp, body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("ServiceDesk-Webhooks", "1.0"));

        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new WebhookOutcome(true, code, null)
                : new WebhookOutcome(false, code, $"{code} {response.ReasonPhrase}".Trim());
        }
        catch (TimeoutRejectedException)
        {
            return new WebhookOutcome(false, null, "No answer within the attempt timeout.");
        }
        catch (HttpRequestException e) when (Find<WebhookTargetRefusedException>(e) is { } refused)
        {
            return new WebhookOutcome(false, null, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return new WebhookOutcome(false, null, e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }
    }

    /// <summary>
    /// The connect step of the webhook client: resolves the host, and unless private targets are allowed refuses it
    /// when any address it resolves to is not public; then connects to one of exactly those addresses, so what was
    /// checked is what is reached, whatever a resolver answers next time.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(IWebhookHostResolver resolver, bool allowPrivateTargets, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = await resolver.ResolveAsync(host, cancellationToken);
        if (!allowPrivateTargets && addresses.FirstOrDefault(a => !NetworkTargets.IsPublic(a)) is { } refused)
            throw new WebhookTargetRefusedException($"Refused: '{host}' resolves to {refused}, which is not a public address.");
        if (addresses.Length == 0)
            throw new WebhookTargetRefusedException($"'{host}' resolves to no address.");

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    private static T? Find<T>(Exception e)
        where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T found)
                return found;
        }

        return null;
    }
}

/// <summary>Wakes the dispatcher: a save wrote events or deliveries, or an attempt finished. Signals coalesce.</summary>
public sealed class WebhookSignal
{
    private readonly System.Threading.Channels.Channel<bool> _channel =
        System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when notified, or after <paramref name="timeout"/> on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (_channel.Reader.TryRead(out _))
            return;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, clock, wait.Token);
        var notified = _channel.Reader.WaitToReadAsync(wait.Token).AsTask();
        await Task.WhenAny(delay, notified);
        await wait.CancelAsync();
        _channel.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
