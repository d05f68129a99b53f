using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;

namespace ServiceDesk.Api.Tests.Contract;

/// <summary>
/// Every creating POST honours Idempotency-Key with the intake's rules: a retry with the same key and body gets the
/// first answer (same status, body, Location, ETag; nothing is created twice), the same key with another body is a 422.
/// </summary>
public sealed class IdempotencyTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private readonly DeskDriver _desk = new(factory);

    [Fact]
    public void Every_POST_that_creates_is_mapped_idempotent()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var creating = endpoints
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true
                && e.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == (int)HttpStatusCode.Created))
            .ToList();

        Assert.True(creating.Count >= 14, $"found only {creating.Count} creating POSTs");
        Assert.All(creating, e => Assert.True(e.Metadata.GetMetadata<IdempotentMetadata>() is not null,
            $"POST {e.RoutePattern.RawText} answers 201 but is not mapped with .Idempotent()"));
    }

    [Fact]
    public async Task Customers_and_agreements_are_created_once_per_key()
    {
        using var admin = factory.CreateAdminClient();
        var code = HttpClientExtensions.NewCode("IDEM");
        var customer = new { code, name = "Idempotent Ltd", contacts = new[] { new { name = "Wu Fang", email = "wu.fang@example.com" } } };

        var customerId = (await AssertReplayedAsync(admin, "/api/v1/customers", customer, customer with { name = "Another name" })).GetProperty("id").GetGuid();

        var agreement = new { serviceLevelCode = "SILVER", productLineCode = "OPS", validFrom = "2026-01-01T00:00:00Z" };
        await AssertReplayedAsync(admin, $"/api/v1/customers/{customerId}/agreements", agreement, agreement with { serviceLevelCode = "GOLD" });

        var agreements = await (await admin.GetAsync($"/api/v1/customers/{customerId}/agreements")).ReadJsonAsync();
        Assert.Equal(1, agreements.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_api_key_is_issued_once_per_key_and_its_secret_is_never_replayed()
    {
        using var admin = factory.CreateAdminClient();
        var name = HttpClientExtensions.NewCode("idem-key");
        var body = new { name, roles = new[] { "Agent" } };

        var first = await PostAsync(admin, "/api/v1/api-keys", body, "key-1");
        var created = await first.ReadJsonAsync(HttpStatusCode.Created);
        var retry = await PostAsync(admin, "/api/v1/api-keys", body, "key-1");
        var replayed = await retry.ReadJsonAsync(HttpStatusCode.Created);

        Assert.StartsWith("sdk_", created.GetProperty("key").GetString());
        Assert.Equal(created.GetProperty("id").GetGuid(), replayed.GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, replayed.GetProperty("key").ValueKind);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var keys = await (await admin.GetAsync("/api/v1/api-keys?limit=200")).ReadJsonAsync();
        Assert.Single(keys.GetProperty("items").EnumerateArray(), k => k.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task A_comment_is_added_once_per_key()
    {
        var customer = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var number = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer))).GetProperty("number").GetString();
        var comment = new { body = "Line card ordered.", visibility = "public" };

        await AssertReplayedAsync(agent, $"/api/v1/incidents/{number}/comments", comment, comment with { body = "Something else." });

        var comments = await (await agent.GetAsync($"/api/v1/incidents/{number}/comments")).ReadJsonAsync();
        Assert.Equal(1, comments.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Knowledge_articles_and_freeze_periods_are_created_once_per_key()
    {
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        using var manager = (await factory.CreateClientWithRolesAsync(null, "Manager")).Client;
        var title = HttpClientExtensions.NewCode("Relay");
        var article = new { title, body = "Restart the relay service." };
        await AssertReplayedAsync(agent, "/api/v1/knowledge-articles", article, article with { body = "Other text." });

        var freeze = new { name = HttpClientExtensions.NewCode("Freeze"), start = "2027-02-01T00:00:00Z", end = "2027-02-03T00:00:00Z" };
        await AssertReplayedAsync(manager, "/api/v1/freeze-periods", freeze, freeze with { end = "2027-02-04T00:00:00Z" });

        var articles = await (await agent.GetAsync($"/api/v1/knowledge-articles?q={title}")).ReadJsonAsync();
        Assert.Equal(1, articles.GetProperty("items").GetArrayLength());
    }

    /// <summary>
    /// Posts <paramref name="body"/> twice with one key (201 both times, the second a replay of the first), then
    /// <paramref name="other"/> with the same key (422 idempotency-key-reused). Returns the created resource.
    /// </summary>
    private static async Task<JsonElement> AssertReplayedAsync<T>(HttpClient client, string url, T body, T other)
    {
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(client, url, body, key);
        var created = await first.ReadJsonAsync(HttpStatusCode.Created);
        var retry = await PostAsync(client, url, body, key);
        var replayed = await retry.ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(created.GetRawText(), replayed.GetRawText());
        Assert.NotNull(first.Headers.Location);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag?.ToString(), retry.Headers.ETag?.ToString());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());

        await (await PostAsync(client, url, other, key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, typeEndsWith: "idempotency-key-reused");
        return created;
    }

    private static async Task<HttpResponseMessage> PostAsync<T>(HttpClient client, string url, T body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
