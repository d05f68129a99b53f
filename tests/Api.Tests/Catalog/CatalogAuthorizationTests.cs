using System.Net;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Catalog.CatalogBodies;

namespace ServiceDesk.Api.Tests.Catalog;

/// <summary>Reads for any authenticated caller, writes for Admin; no, unknown or revoked keys are 401.</summary>
public sealed class CatalogAuthorizationTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    public static TheoryData<string> ReadRoutes => new()
    {
        "/api/v1/catalog/product-lines",
        "/api/v1/catalog/product-lines/OPS",
        "/api/v1/catalog/series/OPS-SD",
        "/api/v1/catalog/products",
        "/api/v1/catalog/products?line=OPS&kind=support&q=desk",
        "/api/v1/catalog/products/OPS-SD-01",
        "/api/v1/catalog/products/OPS-SD-01/quote?serviceLevel=GOLD",
    };

    public static TheoryData<string, string> WriteRoutes => new()
    {
        { "POST", "/api/v1/catalog/product-lines" },
        { "PUT", "/api/v1/catalog/product-lines/OPS" },
        { "PATCH", "/api/v1/catalog/product-lines/OPS" },
        { "POST", "/api/v1/catalog/series" },
        { "PUT", "/api/v1/catalog/series/OPS-SD" },
        { "PATCH", "/api/v1/catalog/series/OPS-SD" },
        { "POST", "/api/v1/catalog/products" },
        { "PUT", "/api/v1/catalog/products/OPS-SD-01" },
        { "PATCH", "/api/v1/catalog/products/OPS-SD-01" },
        { "POST", "/api/v1/catalog/products/OPS-SD-01/retire" },
        { "POST", "/api/v1/catalog/products/OPS-SD-01/reinstate" },
    };

    /// <summary>A body that would be accepted, so only the role decides.</summary>
    private static object BodyFor(string method, string url) => (method, url) switch
    {
        ("POST", "/api/v1/catalog/product-lines") => Line(NewCode("LN")),
        ("POST", "/api/v1/catalog/series") => Series(NewCode("SR")),
        ("POST", "/api/v1/catalog/products") => Product(NewCode("PR")),
        ("PUT", var u) when u.Contains("/products/", StringComparison.Ordinal) => ProductPut(),
        ("PUT", _) => new { name = "Changed", nameZh = "改" },
        _ => new { name = "Changed" },
    };

    [Theory]
    [MemberData(nameof(ReadRoutes))]
    public async Task An_Agent_key_can_read_the_catalog(string url)
    {
        var (agent, _, _) = await factory.CreateClientWithRolesAsync(null, "Agent");
        using (agent)
            await (await agent.GetAsync(url)).ReadJsonAsync();
    }

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task An_Agent_key_gets_403_problem_on_every_catalog_write(string method, string url)
    {
        var (agent, _, _) = await factory.CreateClientWithRolesAsync(null, "Agent");
        using (agent)
        {
            var action = url.EndsWith("/retire", StringComparison.Ordinal) || url.EndsWith("/reinstate", StringComparison.Ordinal);
            var body = action ? null : BodyFor(method, url);
            var response = await agent.SendJsonAsync(new HttpMethod(method), url, body, mediaType: method == "PATCH" ? "application/merge-patch+json" : "application/json");
            await response.AssertProblemAsync(HttpStatusCode.Forbidden, typeEndsWith: "/forbidden");
        }

        using var admin = factory.CreateAdminClient();
        var product = await (await admin.GetAsync("/api/v1/catalog/products/OPS-SD-01")).ReadJsonAsync();
        Assert.Equal("Active", product.GetProperty("status").GetString());
        Assert.Equal("24x7 IT Service Desk", product.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("Manager")]
    [InlineData("ChangeApprover")]
    public async Task Other_staff_roles_cannot_write_the_catalog_either(string role)
    {
        var (client, _, _) = await factory.CreateClientWithRolesAsync(null, role);
        using (client)
            await (await client.PostJsonAsync("/api/v1/catalog/products", Product(NewCode("PR")))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_key_with_Agent_and_Admin_roles_can_write()
    {
        var (client, _, _) = await factory.CreateClientWithRolesAsync(null, "Agent", "Admin");
        using (client)
            await (await client.PostJsonAsync("/api/v1/catalog/products", Product(NewCode("PR")))).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Theory]
    [MemberData(nameof(ReadRoutes))]
    public async Task No_key_is_401_problem(string url)
    {
        using var client = factory.CreateClient(apiKey: null);
        var response = await client.GetAsync(url);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, typeEndsWith: "/unauthorized");
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task No_key_on_a_write_is_401_not_403(string method, string url)
    {
        using var client = factory.CreateClient(apiKey: null);
        await (await client.SendJsonAsync(new HttpMethod(method), url, new { })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("sdk_0000000000000000000000000000000000000000000000")]
    [InlineData("test-bootstrap-admin-key ")] // trailing space is trimmed: the real admin key
    public async Task An_unknown_key_is_401_and_a_padded_real_key_is_accepted(string key)
    {
        using var client = factory.CreateClient(key);
        var response = await client.GetAsync("/api/v1/catalog/products/OPS-SD-01");
        if (key.Trim() == ServiceDeskApiFactory.AdminKey)
            await response.ReadJsonAsync();
        else
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_empty_key_header_is_401()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", " ");
        await (await client.GetAsync("/api/v1/catalog/products")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_revoked_key_is_401_at_once()
    {
        var (agent, keyId, _) = await factory.CreateClientWithRolesAsync(null, "Agent");
        using (agent)
        {
            await (await agent.GetAsync("/api/v1/catalog/products/OPS-SD-01")).ReadJsonAsync();

            using var admin = factory.CreateAdminClient();
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{keyId}")).StatusCode);

            await (await agent.GetAsync("/api/v1/catalog/products/OPS-SD-01")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
    }
}
