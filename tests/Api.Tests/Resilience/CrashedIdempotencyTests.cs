using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Api.Tests.Resilience;

/// <summary>
/// A host whose idempotency store can "die" after a claim: while <see cref="DyingIdempotencyStore.Dying"/> is set, a
/// request that claimed its key fails before doing its work, and neither completes nor releases the key, exactly
/// what a process killed (or a request abandoned) between the claim and the commit leaves behind.
/// </summary>
public sealed class DyingIdempotencyApiFactory : ServiceDeskApiFactory
{
    public DyingIdempotencyStore Store { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(IIdempotencyStore));
            services.Remove(real);
            services.AddSingleton(real.ImplementationType!);
            services.AddSingleton<IIdempotencyStore>(sp => Store = new DyingIdempotencyStore((IIdempotencyStore)sp.GetRequiredService(real.ImplementationType!)));
        });
    }
}

public sealed class DyingIdempotencyStore(IIdempotencyStore inner) : IIdempotencyStore
{
    public bool Dying { get; set; }

    public async Task<IdempotencyClaim> ClaimAsync(string callerId, string key, string requestHash, CancellationToken cancellationToken)
    {
        var claim = await inner.ClaimAsync(callerId, key, requestHash, cancellationToken);
        if (claim.Claimed && Dying)
            throw new InvalidOperationException("The process died after claiming the key, before the ticket was committed.");
        return claim;
    }

    public Task CompleteAsync(string callerId, string key, IdempotentAnswer answer, CancellationToken cancellationToken) =>
        Dying ? Task.CompletedTask : inner.CompleteAsync(callerId, key, answer, cancellationToken);

    public Task ReleaseAsync(string callerId, string key, CancellationToken cancellationToken) =>
        Dying ? Task.CompletedTask : inner.ReleaseAsync(callerId, key, cancellationToken);
}

public sealed class CrashedIdempotencyTests(DyingIdempotencyApiFactory factory) : IClassFixture<DyingIdempotencyApiFactory>
{
    [Fact]
    public async Task A_key_abandoned_before_commit_is_taken_over_after_the_lease_and_the_retry_makes_exactly_one_ticket()
    {
        var customer = await new DeskDriver(factory).CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var reference = HttpClientExtensions.NewCode("CRASH");
        var body = DeskDriver.Incident(customer, externalReference: reference);

        factory.Store.Dying = true;
        var abandoned = await SendAsync(agent, "crash-1", body);
        Assert.Equal(HttpStatusCode.InternalServerError, abandoned.StatusCode);
        factory.Store.Dying = false;

        // Within the lease (default 30 s) the key is still "in progress": a retry waits for it, then gets 409.
        factory.Clock.Advance(TimeSpan.FromSeconds(29));
        await (await SendAsync(agent, "crash-1", body)).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/idempotency-in-progress");

        // Once the lease has run out, the retry takes the key over and creates the ticket; later retries replay it.
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var created = await (await SendAsync(agent, "crash-1", body)).ReadJsonAsync(HttpStatusCode.Created);
        var replay = await SendAsync(agent, "crash-1", body);
        var replayed = await replay.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(created.GetProperty("number").GetString(), replayed.GetProperty("number").GetString());

        var found = await (await agent.GetAsync($"/api/v1/service-desk/tickets?externalReference={reference}")).ReadJsonAsync();
        Assert.Single(found.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_request_the_client_abandons_mid_flight_frees_its_key_for_the_retry()
    {
        var customer = await new DeskDriver(factory).CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var reference = HttpClientExtensions.NewCode("ABANDON");
        var body = DeskDriver.Incident(customer, externalReference: reference);

        // Cancelled by the client before the server could commit anything (the token is cancelled before sending).
        using (var cancelled = new CancellationTokenSource())
        {
            await cancelled.CancelAsync();
            using var request = Request("abandon-1", body);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => agent.SendAsync(request, cancelled.Token));
        }

        var created = await (await SendAsync(agent, "abandon-1", body)).ReadJsonAsync(HttpStatusCode.Created);
        var found = await (await agent.GetAsync($"/api/v1/service-desk/tickets?externalReference={reference}")).ReadJsonAsync();
        Assert.Equal(created.GetProperty("number").GetString(), Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("number").GetString());
    }

    private static HttpRequestMessage Request(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/service-desk/tickets") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string key, object body)
    {
        using var request = Request(key, body);
        return await client.SendAsync(request);
    }
}
