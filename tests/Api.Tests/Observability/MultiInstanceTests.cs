using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;
using ServiceDesk.Infrastructure.Persistence;
using ServiceDesk.Infrastructure.ServiceDesk;

namespace ServiceDesk.Api.Tests.Observability;

/// <summary>The first of two API instances: a short key cache, and SLA monitors that run only when the test runs them.</summary>
public sealed class FirstInstanceApiFactory : ServiceDeskApiFactory
{
    public const int KeyCacheSeconds = 2;

    public FirstInstanceApiFactory()
    {
        With("Auth:KeyCacheSeconds", KeyCacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Sla:MonitorIntervalSeconds", "86400");
    }
}

/// <summary>
/// Two API instances on one PostgreSQL database, as a deployment that outgrew one machine runs them: each host has
/// its own DI container (its own key cache, idempotency waits, number blocks, SLA monitor and clock), and all they
/// share is the database.
/// </summary>
public sealed class MultiInstanceTests(FirstInstanceApiFactory first) : IClassFixture<FirstInstanceApiFactory>
{
    /// <summary>The second instance, with the same settings as the first.</summary>
    private SameDatabaseApiFactory SecondInstance()
    {
        var second = new SameDatabaseApiFactory(first.Database);
        second.With("Auth:KeyCacheSeconds", FirstInstanceApiFactory.KeyCacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        second.With("Sla:MonitorIntervalSeconds", "86400");
        // Two machines share one time: start the second where the first's clock stands (earlier tests moved it), else
        // an in-progress idempotency claim of one looks older than its lease to the other.
        if (first.Clock.GetUtcNow() > second.Clock.GetUtcNow())
            second.Clock.SetUtcNow(first.Clock.GetUtcNow());
        return second;
    }

    [PostgresFact]
    public async Task The_same_Idempotency_Key_sent_to_both_instances_at_once_makes_one_ticket()
    {
        var customerId = await new DeskDriver(first).CustomerAsync("GOLD");
        var (agentOnFirst, _, key) = await first.CreateClientWithRolesAsync(null, "Agent");
        using var onFirst = agentOnFirst;
        await using var second = SecondInstance();
        using var onSecond = second.CreateClient(key);

        for (var round = 0; round < 5; round++)
        {
            var reference = $"MI-IDEM-{round}";
            var body = DeskDriver.Incident(customerId, externalReference: reference);
            var responses = await Task.WhenAll(
                Post(onFirst, body, $"idem-{round}"),
                Post(onSecond, body, $"idem-{round}"));

            var created = await Task.WhenAll(responses.Select(r => r.ReadJsonAsync(HttpStatusCode.Created)));
            Assert.Equal(created[0].GetProperty("number").GetString(), created[1].GetProperty("number").GetString());
            Assert.Single(responses, r => r.Headers.Contains("Idempotent-Replayed"));
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            Assert.Equal(1, await db.Tickets.CountAsync(t => t.ExternalReference == reference));
        }
    }

    [PostgresFact]
    public async Task A_stale_If_Match_on_the_other_instance_is_412()
    {
        var customerId = await new DeskDriver(first).CustomerAsync("GOLD");
        var (agentOnFirst, _, key) = await first.CreateClientWithRolesAsync(null, "Agent");
        using var onFirst = agentOnFirst;
        await using var second = SecondInstance();
        using var onSecond = second.CreateClient(key);
        var number = (await DeskDriver.RaiseAsync(onFirst, DeskDriver.Incident(customerId))).GetProperty("number").GetString();
        var url = $"/api/v1/incidents/{number}/assign";

        (await onFirst.PostJsonAsync(url, new { group = "Infrastructure" }, ifMatch: "\"1\"")).EnsureSuccessStatusCode();
        var stale = await onSecond.PostJsonAsync(url, new { group = "Service Desk" }, ifMatch: "\"1\"");
        var fresh = await onSecond.PostJsonAsync(url, new { group = "Service Desk" }, ifMatch: "\"2\"");

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Service Desk", (await fresh.ReadJsonAsync()).GetProperty("assignmentGroup").GetString());
    }

    [PostgresFact]
    public async Task A_key_revoked_on_one_instance_stops_working_on_the_other_within_the_key_cache_time()
    {
        var (agentOnFirst, keyId, key) = await first.CreateClientWithRolesAsync(null, "Agent");
        using var onFirst = agentOnFirst;
        await using var second = SecondInstance();
        using var onSecond = second.CreateClient(key);
        using var admin = first.CreateAdminClient();
        const string probe = "/api/v1/catalog/product-lines";
        (await onSecond.GetAsync(probe)).EnsureSuccessStatusCode(); // the second instance has looked the key up and caches it

        var revokedAt = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{keyId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await onFirst.GetAsync(probe)).StatusCode); // at once where it was revoked
        HttpStatusCode status;
        do
        {
            status = (await onSecond.GetAsync(probe)).StatusCode;
            if (status != HttpStatusCode.Unauthorized)
                await Task.Delay(100);
        }
        while (status != HttpStatusCode.Unauthorized && revokedAt.Elapsed < TimeSpan.FromSeconds(FirstInstanceApiFactory.KeyCacheSeconds + 8));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        // A cached lookup is trusted for KeyCacheSeconds from when it was made, which was before the revocation
        // (three seconds of slack for the requests themselves on a busy CI machine; the default lifetime, 10 s, would
        // still fail this).
        Assert.True(revokedAt.Elapsed < TimeSpan.FromSeconds(FirstInstanceApiFactory.KeyCacheSeconds + 3), $"refused after {revokedAt.Elapsed}");
    }

    [PostgresFact]
    public async Task Both_SLA_monitors_together_raise_each_warning_and_breach_once()
    {
        var customerId = await new DeskDriver(first).CustomerAsync("PLATINUM");
        var (agentOnFirst, _, key) = await first.CreateClientWithRolesAsync(null, "Agent");
        using var onFirst = agentOnFirst;
        await using var second = SecondInstance();
        using var onSecond = second.CreateClient(key);
        var numbers = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var raised = await DeskDriver.RaiseAsync(i % 2 == 0 ? onFirst : onSecond, DeskDriver.Incident(customerId, impact: "High", urgency: "High"));
            numbers.Add(raised.GetProperty("number").GetString()!);
        }

        Assert.Equal(numbers.Count, numbers.Distinct().Count()); // number blocks reserved by two instances never overlap

        // PLATINUM P1 on 24X7: response 15 minutes, resolution 240. Five hours later (on both instances' clocks) both
        // clocks are breached, each after two warnings.
        first.Clock.Advance(TimeSpan.FromHours(5));
        second.Clock.Advance(TimeSpan.FromHours(5));
        var monitors = new[] { first.Services.GetRequiredService<SlaMonitor>(), second.Services.GetRequiredService<SlaMonitor>() };
        var updated = await Task.WhenAll(monitors.Select(m => m.RunOnceAsync(CancellationToken.None)));

        Assert.Equal(numbers.Count, updated.Sum());
        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        foreach (var number in numbers)
        {
            var events = await db.OutboxMessages.Where(m => m.Number == number && m.Type.StartsWith("sla.")).ToListAsync();
            Assert.Equal(2, events.Count(e => e.Type == "sla.breached"));
            Assert.Equal(4, events.Count(e => e.Type == "sla.warning"));
        }

        Assert.Equal(new[] { 0, 0 }, await Task.WhenAll(monitors.Select(m => m.RunOnceAsync(CancellationToken.None))));
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/service-desk/tickets") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }
}
