using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceDesk.Api.Tests.Integrations;

/// <summary>One request the receiver got, and what it answered.</summary>
public sealed record ReceivedWebhook(string Path, string EventType, Guid DeliveryId, long Timestamp, string Signature, string Body, int Answer)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Number => Json.GetProperty("data").GetProperty("number").GetString()!;
}

/// <summary>
/// A webhook receiver on 127.0.0.1 (Kestrel, a free port): records every request and answers what <see cref="Answer"/>
/// says for its path (a status code, or 0 for "never answer", released when the receiver stops).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The answer for a request to a path (default 200); called once per request, in order.</summary>
    public Func<string, int> Answer { get; set; } = _ => 200;

    public string BaseUrl { get; private set; } = string.Empty;

    public int Port => new Uri(BaseUrl).Port;

    public IReadOnlyList<ReceivedWebhook> Delivered => Received.Where(r => r.Answer is >= 200 and < 300).ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    public string Url(string path) => $"{BaseUrl}/{path}";

    public async ValueTask DisposeAsync()
    {
        _stopping.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value!.TrimStart('/');
        int answer;
        lock (Received)
            answer = Answer(path);
        if (answer == 0)
        {
            await _stopping.Task;
            answer = 503;
        }

        var headers = context.Request.Headers;
        Received.Enqueue(new ReceivedWebhook(
            path,
            headers["X-ServiceDesk-Event"].ToString(),
            Guid.Parse(headers["X-ServiceDesk-Delivery"].ToString()),
            long.Parse(headers["X-ServiceDesk-Timestamp"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
            headers["X-ServiceDesk-Signature"].ToString(),
            body,
            answer));
        context.Response.StatusCode = answer;
    }
}
