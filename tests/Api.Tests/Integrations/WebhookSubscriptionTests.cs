using System.Net;
using System.Net.Http.Json;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Integrations;

/// <summary>Subscriptions over HTTP: secrets shown once, ETags, the SSRF guard at subscription and at delivery, ping, replay.</summary>
public sealed class WebhookSubscriptionTests
{
    [Fact]
    public async Task A_subscription_shows_its_secret_once_and_is_read_patched_and_deleted_with_ETags()
    {
        await using var database = TestDatabase.Create();
        await using var factory = new WebhookApiFactory(database, allowPrivateTargets: false);
        using var admin = factory.CreateAdminClient();

        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.com/sd", events = new[] { "ticket.created", "sla.breached" } });
        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/webhooks/{id}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("whsec_", created.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.True(created.GetProperty("active").GetBoolean());

        var read = await admin.GetAsync($"/api/v1/webhooks/{id}");
        var body = await read.ReadJsonAsync();
        Assert.False(body.TryGetProperty("secret", out _));
        Assert.DoesNotContain("whsec_", await (await admin.GetAsync("/api/v1/webhooks")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var etag = read.Headers.ETag!.Tag;

        await (await admin.PatchJsonAsync($"/api/v1/webhooks/{id}", new { active = false }, ifMatch: "\"999\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var patched = await (await admin.PatchJsonAsync($"/api/v1/webhooks/{id}", new { active = false, events = new[] { "ticket.resolved" } }, ifMatch: etag)).ReadJsonAsync();
        Assert.False(patched.GetProperty("active").GetBoolean());
        Assert.Equal("Deactivated by an administrator.", patched.GetProperty("deactivationReason").GetString());
        Assert.Equal(["ticket.resolved"], patched.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        await (await admin.PostAsync($"/api/v1/webhooks/{id}/ping", null)).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "illegal-transition");
        await (await admin.PatchJsonAsync($"/api/v1/webhooks/{id}", new { url = "http://10.0.0.5/hook" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "url", "private-target");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode);
        await (await admin.GetAsync($"/api/v1/webhooks/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_admins_manage_webhooks()
    {
        await using var database = TestDatabase.Create();
        await using var factory = new WebhookApiFactory(database);
        var (agent, _, _) = await factory.CreateClientWithRolesAsync(null, "Agent");
        await (await agent.GetAsync("/api/v1/webhooks")).AssertProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = factory.CreateClient(null);
        await (await anonymous.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://h.example.com/", events = new[] { "ticket.created" } }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://10.0.0.1/hook")]
    [InlineData("http://172.16.5.4/hook")]
    [InlineData("http://192.168.1.20/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://224.0.0.1/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://localhost:5000/hook")]
    public async Task Each_kind_of_private_target_is_refused_at_subscription(string url)
    {
        await using var database = TestDatabase.Create();
        await using var factory = new WebhookApiFactory(database, allowPrivateTargets: false);
        using var admin = factory.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "ticket.created" } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "url", "private-target");
        Assert.Equal(0, (await (await admin.GetAsync("/api/v1/webhooks")).ReadJsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Urls_that_are_not_http_or_events_that_do_not_exist_are_refused()
    {
        await using var database = TestDatabase.Create();
        await using var factory = new WebhookApiFactory(database, allowPrivateTargets: false);
        using var admin = factory.CreateAdminClient();
        await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "ftp://hooks.example.com/", events = new[] { "ticket.created" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "url");
        await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.com/", events = new[] { "ticket.exploded" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "events");
    }

    [Fact]
    public async Task A_host_name_that_resolves_to_loopback_at_delivery_is_refused_on_the_connect_step()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = TestDatabase.Create();
        // The name looks public when subscribed, then its DNS answer turns to 127.0.0.1 (where the receiver is).
        await using var factory = new WebhookApiFactory(database, allowPrivateTargets: false)
        {
            Resolver = new ScriptedResolver((_, call) => [call == 1 ? IPAddress.Parse("203.0.113.7") : IPAddress.Loopback]),
        };
        using var admin = factory.CreateAdminClient();
        var created = await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = $"http://rebind.example:{receiver.Port}/hook", events = new[] { "ticket.created" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/v1/webhooks/{id}/ping", null)).StatusCode);
        await WebhookTestKit.EventuallyAsync(async () => (await factory.DeliveriesAsync(id)) is [var d] && d.GetProperty("attempts").GetInt32() == 1,
            "the ping's first attempt is recorded");
        var attempt = Assert.Single(await factory.DeliveriesAsync(id));
        Assert.Contains("not a public address", attempt.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("ping", attempt.GetProperty("eventType").GetString());
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_ping_reaches_the_receiver_and_a_failed_delivery_can_be_retried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = TestDatabase.Create();
        // No retry period: the first failure is final, so the delivery is Failed at once.
        await using var factory = (WebhookApiFactory)new WebhookApiFactory(database).With("Webhooks:MaxRetryHours", "0");
        receiver.Answer = _ => 500;
        var (id, secret) = await factory.SubscribeAsync(receiver.Url("hook"), ["ticket.created"]);
        using var admin = factory.CreateAdminClient();

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/v1/webhooks/{id}/ping", null)).StatusCode);
        await WebhookTestKit.EventuallyAsync(async () => (await factory.DeliveriesAsync(id, "Failed")).Length == 1, "the ping fails for good");
        var failed = (await factory.DeliveriesAsync(id, "Failed"))[0];
        Assert.Equal(500, failed.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, failed.GetProperty("nextAttemptAt").ValueKind);

        receiver.Answer = _ => 204;
        var retried = await (await admin.PostAsync($"/api/v1/webhooks/{id}/deliveries/{failed.GetProperty("id").GetGuid()}/retry", null)).ReadJsonAsync();
        Assert.Equal("Pending", retried.GetProperty("status").GetString());
        await WebhookTestKit.EventuallyAsync(() => receiver.Delivered.Count == 1, "the retried ping is delivered");
        var ping = receiver.Delivered[0];
        Assert.Equal("ping", ping.EventType);
        Assert.True(ping.Verifies(secret));
        Assert.Equal(id, ping.Json.GetProperty("data").GetProperty("number").GetString());
        await WebhookTestKit.EventuallyAsync(async () => (await factory.DeliveriesAsync(id, "Delivered")).Length == 1, "the delivery shows Delivered");
        Assert.Equal(2, (await factory.DeliveriesAsync(id, "Delivered"))[0].GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task An_idempotent_retry_of_a_subscription_returns_the_first_one()
    {
        await using var database = TestDatabase.Create();
        await using var factory = new WebhookApiFactory(database, allowPrivateTargets: false);
        using var admin = factory.CreateAdminClient();
        admin.DefaultRequestHeaders.Add("Idempotency-Key", "subscribe-1");
        var body = new { url = "https://hooks.example.com/sd", events = new[] { "ticket.created" } };
        var first = await (await admin.PostAsJsonAsync("/api/v1/webhooks", body)).ReadJsonAsync(HttpStatusCode.Created);
        var again = await (await admin.PostAsJsonAsync("/api/v1/webhooks", body)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(1, (await (await admin.GetAsync("/api/v1/webhooks")).ReadJsonAsync()).GetProperty("items").GetArrayLength());
    }
}
