using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Domain.Integrations;
using ServiceDesk.Infrastructure.Integrations.Webhooks;

namespace ServiceDesk.Api.Tests.Integrations;

/// <summary>A host for webhook tests: private targets allowed (the receiver is on 127.0.0.1), retries a second apart, a 1 s poll.</summary>
public sealed class WebhookApiFactory : ServiceDeskApiFactory
{
    /// <param name="database">The test's database, dropped by the test (several hosts may share it).</param>
    public WebhookApiFactory(TestDatabase database, bool allowPrivateTargets = true)
        : base(database, ownsDatabase: false)
    {
        With("Webhooks:AllowPrivateTargets", allowPrivateTargets ? "true" : "false");
        With("Webhooks:RetryBaseDelaySeconds", "1");
        With("Webhooks:PollIntervalSeconds", "1");
    }

    /// <summary>Answers host names for the webhook client and the subscription check, when set.</summary>
    public IWebhookHostResolver? Resolver { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Resolver is { } resolver)
            builder.ConfigureServices(services => services.AddSingleton(resolver));
    }
}

internal static class WebhookTestKit
{
    /// <summary>Subscribes and returns (id, secret).</summary>
    public static async Task<(string Id, string Secret)> SubscribeAsync(this ServiceDeskApiFactory factory, string url, string[] events, Guid? customerId = null)
    {
        using var admin = factory.CreateAdminClient();
        var created = await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, events, customerId })).ReadJsonAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }

    /// <summary>Waits (bounded) until <paramref name="done"/> holds; <paramref name="tick"/> runs between looks (e.g. to move the clock).</summary>
    public static async Task EventuallyAsync(Func<bool> done, string what, TimeSpan? within = null, Action? tick = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            tick?.Invoke();
            await Task.Delay(50);
        }
    }

    /// <summary>Waits (bounded) until the asynchronous <paramref name="done"/> holds.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> done, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Whether the signature header carries a valid signature made with <paramref name="secret"/>.</summary>
    public static bool Verifies(this ReceivedWebhook received, string secret) =>
        received.Signature.Split(',').Contains(WebhookSignature.Sign(secret, received.Timestamp, Encoding.UTF8.GetBytes(received.Body)));

    public static async Task<JsonElement[]> DeliveriesAsync(this ServiceDeskApiFactory factory, string webhookId, string? status = null)
    {
        using var admin = factory.CreateAdminClient();
        var page = await (await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries" + (status is null ? string.Empty : $"?status={status}"))).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().ToArray();
    }
}

/// <summary>A resolver that answers from a script: what a DNS server under someone else's control might do.</summary>
public sealed class ScriptedResolver(Func<string, int, IPAddress[]> answer) : IWebhookHostResolver
{
    private int _calls;

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Task.FromResult(answer(host, Interlocked.Increment(ref _calls)));
}
