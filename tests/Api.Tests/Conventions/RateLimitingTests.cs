using System.Net;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Conventions;

/// <summary>A host that allows each caller 3 requests a minute.</summary>
public sealed class RateLimitedApiFactory : ServiceDeskApiFactory
{
    public RateLimitedApiFactory()
    {
        With("RateLimiting:PermitLimit", "3");
        With("RateLimiting:WindowSeconds", "60");
    }
}

public sealed class RateLimitingTests(RateLimitedApiFactory factory) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task The_fourth_request_in_the_window_is_429_with_Retry_After_and_another_caller_is_not_limited()
    {
        // Each caller gets its own key; issuing them costs the admin two of its three requests.
        var (limited, _, _) = await factory.CreateClientWithRolesAsync(null, "Agent");
        var (other, _, _) = await factory.CreateClientWithRolesAsync(null, "Agent");
        using (limited)
        using (other)
        {
            for (var i = 0; i < 3; i++)
                await (await limited.GetAsync("/api/v1/catalog/products/OPS-SD-01")).ReadJsonAsync();

            var refused = await limited.GetAsync("/api/v1/catalog/products/OPS-SD-01");

            await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, typeEndsWith: "/rate-limited");
            var retryAfter = refused.Headers.RetryAfter;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Delta!.Value.TotalSeconds, 1, 60);

            await (await other.GetAsync("/api/v1/catalog/products/OPS-SD-01")).ReadJsonAsync();
            await (await limited.GetAsync("/api/v1/catalog/products/OPS-SD-01")).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        }
    }

    [Fact]
    public async Task Health_probes_and_the_OpenAPI_document_are_not_limited()
    {
        using var client = factory.CreateClient(apiKey: null);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode);
        }
    }
}
