using System.Net;
using System.Text;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Conventions;

/// <summary>What every route shares: problem+json for framework errors, and the same paging rules on every list.</summary>
public sealed class ErrorConventionTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    public static TheoryData<string> Lists => new()
    {
        "/api/v1/catalog/product-lines",
        "/api/v1/catalog/products",
        "/api/v1/api-keys",
    };

    private static string Base64Url(string json) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v2/catalog/products")]
    [InlineData("/not-even-api")]
    public async Task An_unknown_route_is_404_problem(string url)
    {
        using var client = factory.CreateAdminClient();
        await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound, typeEndsWith: "/not-found");
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/catalog/products")]
    [InlineData("PUT", "/api/v1/catalog/product-lines")]
    [InlineData("DELETE", "/api/v1/catalog/products/OPS-SD-01")]
    [InlineData("GET", "/api/v1/catalog/products/OPS-SD-01/retire")]
    [InlineData("PATCH", "/api/v1/api-keys")]
    public async Task A_wrong_method_is_405_problem_with_Allow(string method, string url)
    {
        using var client = factory.CreateAdminClient();
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, typeEndsWith: "/method-not-allowed");
        Assert.NotEmpty(response.Content.Headers.Allow);
        Assert.DoesNotContain(method, response.Content.Headers.Allow);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_limit_below_1_is_400_naming_limit(string list)
    {
        using var client = factory.CreateAdminClient();
        await (await client.GetAsync(list + "?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await client.GetAsync(list + "?limit=-5")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_limit_above_200_is_400_naming_limit(string list)
    {
        using var client = factory.CreateAdminClient();
        await (await client.GetAsync(list + "?limit=201")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_limit_of_1_and_of_200_are_accepted(string list)
    {
        using var client = factory.CreateAdminClient();
        var one = await (await client.GetAsync(list + "?limit=1")).ReadJsonAsync();
        Assert.Equal(1, one.GetProperty("items").GetArrayLength());
        await (await client.GetAsync(list + "?limit=200")).ReadJsonAsync();
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_limit_that_is_not_a_number_is_400_naming_limit(string list)
    {
        using var client = factory.CreateAdminClient();
        await (await client.GetAsync(list + "?limit=abc")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await client.GetAsync(list + "?limit=1.5")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await client.GetAsync(list + "?limit=99999999999")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_garbage_cursor_is_400_naming_cursor(string list)
    {
        using var client = factory.CreateAdminClient();
        foreach (var cursor in new[] { "garbage!!", "%%%", Base64Url("not json"), Base64Url("null"), Base64Url("{}"), Base64Url("[1,2]"), Base64Url("{\"CreatedAt\":null,\"Hash\":null}") })
            await (await client.GetAsync($"{list}?cursor={Uri.EscapeDataString(cursor)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task The_cursor_a_list_returns_leads_to_the_next_page(string list)
    {
        using var client = factory.CreateAdminClient();
        if (list.Contains("api-keys", StringComparison.Ordinal))
        {
            // The bootstrap key alone makes one page; issue another so there are two.
            await factory.CreateClientWithRolesAsync(null, "Agent");
        }

        var first = await (await client.GetAsync(list + "?limit=1")).ReadJsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);

        var second = await (await client.GetAsync($"{list}?limit=1&cursor={Uri.EscapeDataString(cursor)}")).ReadJsonAsync();

        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.NotEqual(first.GetProperty("items")[0].ToString(), second.GetProperty("items")[0].ToString());
    }

    [Fact]
    public async Task Errors_never_carry_a_stack_trace_or_html()
    {
        using var client = factory.CreateAdminClient();
        foreach (var url in new[] { "/api/v1/nothing", "/api/v1/catalog/products?limit=0", "/api/v1/catalog/products/NOPE-1" })
        {
            var body = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
