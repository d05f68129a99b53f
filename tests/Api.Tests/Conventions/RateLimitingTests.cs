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
    public async Task Spellings_of_one_key_with_surrounding_whitespace_or_control_characters_share_one_bucket()
    {
        var (_, _, key) = await factory.CreateClientWithRolesAsync(null, "Agent");
        using var client = factory.CreateClient(apiKey: null);

        async Task<HttpResponseMessage> GetWith(string presented)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog/products/OPS-SD-01");
            request.Headers.TryAddWithoutValidation("X-Api-Key", presented);
            return await client.SendAsync(request);
        }

        // Each spelling authenticates as the same key (the handler trims it) ...
        await (await GetWith(key)).ReadJsonAsync();
        await (await GetWith(key + "\v")).ReadJsonAsync();
        await (await GetWith(" " + key + "\t")).ReadJsonAsync();

        // ... so together they used the key's 3 requests: a fourth spelling is limited, not a fresh bucket.
        await (await GetWith(key + "\v\v")).AssertProblemAsync(HttpStatusCode.TooManyRequests, typeEndsWith: "/rate-limited");
        await (await GetWith(key)).AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Unknown_keys_count_against_the_client_address_whatever_their_value()
    {
        using var client = factory.CreateClient(apiKey: null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog/products/OPS-SD-01");
            request.Headers.TryAddWithoutValidation("X-Api-Key", $"unknown-key-{i}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        // Three 401s fill the address's bucket (the other tests of this class call as keys, or only the unlimited probes).
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
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
