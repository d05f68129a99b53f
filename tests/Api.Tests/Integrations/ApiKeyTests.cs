using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Integrations;

/// <summary>Issuing, listing and revoking API keys (Admin).</summary>
public sealed class ApiKeyTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private const string Keys = "/api/v1/api-keys";

    private static async Task<List<JsonElement>> ListAllAsync(HttpClient admin)
    {
        var page = await (await admin.GetAsync($"{Keys}?limit=200")).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task The_Location_of_a_new_key_reads_it_back_without_its_secret()
    {
        using var admin = factory.CreateAdminClient();
        var response = await admin.PostJsonAsync(Keys, new { name = "location-check", roles = new[] { "Agent" } });
        var key = (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("key").GetString()!;

        var read = await admin.GetAsync(response.Headers.Location!.OriginalString);

        var body = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("location-check", body, StringComparison.Ordinal);
        Assert.DoesNotContain(key, body, StringComparison.Ordinal);
        await (await admin.GetAsync($"{Keys}/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_a_key_answers_201_with_the_key_shown_once_and_a_Location()
    {
        using var admin = factory.CreateAdminClient();

        var response = await admin.PostJsonAsync(Keys, new { name = "monitoring-bridge", roles = new[] { "Agent", "Manager" } });

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"{Keys}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("monitoring-bridge", created.GetProperty("name").GetString());
        Assert.Equal(["Agent", "Manager"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("customerId").ValueKind);
        var key = created.GetProperty("key").GetString();
        Assert.False(string.IsNullOrWhiteSpace(key));

        using var caller = factory.CreateClient(key);
        await (await caller.GetAsync("/api/v1/catalog/products/OPS-SD-01")).ReadJsonAsync();
    }

    [Fact]
    public async Task A_key_is_stamped_with_the_service_clock()
    {
        using var admin = factory.CreateAdminClient();
        factory.Clock.Advance(TimeSpan.FromMinutes(7));
        var expected = factory.Clock.GetUtcNow();

        var created = await (await admin.PostJsonAsync(Keys, new { name = "clocked", roles = new[] { "Agent" } })).ReadJsonAsync(HttpStatusCode.Created);

        var listed = (await ListAllAsync(admin)).Single(k => k.GetProperty("id").GetGuid() == created.GetProperty("id").GetGuid());
        Assert.Equal(expected, listed.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task The_list_never_contains_a_secret()
    {
        using var admin = factory.CreateAdminClient();
        var created = await (await admin.PostJsonAsync(Keys, new { name = "secret-check", roles = new[] { "Agent" } })).ReadJsonAsync(HttpStatusCode.Created);
        var key = created.GetProperty("key").GetString()!;

        var response = await admin.GetAsync($"{Keys}?limit=200");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("secret-check", body, StringComparison.Ordinal);
        Assert.DoesNotContain(key, body, StringComparison.Ordinal);
        Assert.DoesNotContain(ServiceDeskApiFactory.AdminKey, body, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(body);
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            Assert.False(item.TryGetProperty("key", out _), "a listed key has no 'key'");
            Assert.False(item.TryGetProperty("hash", out _), "a listed key has no 'hash'");
            Assert.True(item.GetProperty("prefix").GetString()!.Length <= 8);
        }

        var listed = document.RootElement.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("name").GetString() == "secret-check");
        Assert.StartsWith(listed.GetProperty("prefix").GetString()!, key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_a_key_is_204_and_the_key_is_refused_at_once()
    {
        var (client, id, _) = await factory.CreateClientWithRolesAsync(null, "Agent");
        using (client)
        {
            await (await client.GetAsync("/api/v1/catalog/products")).ReadJsonAsync();
            using var admin = factory.CreateAdminClient();

            var revoke = await admin.DeleteAsync($"{Keys}/{id}");

            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
            Assert.Empty(await revoke.Content.ReadAsByteArrayAsync());
            await (await client.GetAsync("/api/v1/catalog/products")).AssertProblemAsync(HttpStatusCode.Unauthorized);
            var listed = (await ListAllAsync(admin)).Single(k => k.GetProperty("id").GetGuid() == id);
            Assert.Equal(factory.Clock.GetUtcNow(), listed.GetProperty("revokedAt").GetDateTimeOffset());
        }
    }

    [Fact]
    public async Task Revoking_a_revoked_key_again_is_204_and_keeps_the_first_revocation_time()
    {
        var (client, id, _) = await factory.CreateClientWithRolesAsync(null, "Agent");
        client.Dispose();
        using var admin = factory.CreateAdminClient();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Keys}/{id}")).StatusCode);
        var first = (await ListAllAsync(admin)).Single(k => k.GetProperty("id").GetGuid() == id).GetProperty("revokedAt").GetDateTimeOffset();
        factory.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Keys}/{id}")).StatusCode);

        var again = (await ListAllAsync(admin)).Single(k => k.GetProperty("id").GetGuid() == id).GetProperty("revokedAt").GetDateTimeOffset();
        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData("6a1f0000-0000-0000-0000-000000000000")]
    [InlineData("not-a-guid")]
    public async Task Revoking_an_unknown_key_is_404(string id)
    {
        using var admin = factory.CreateAdminClient();
        await (await admin.DeleteAsync($"{Keys}/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_Customer_key_without_customerId_is_400_naming_customerId()
    {
        using var admin = factory.CreateAdminClient();
        await (await admin.PostJsonAsync(Keys, new { name = "portal", roles = new[] { "Customer" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "customerId");
    }

    [Fact]
    public async Task A_Customer_key_for_a_customer_that_does_not_exist_is_400_naming_customerId()
    {
        using var admin = factory.CreateAdminClient();
        await (await admin.PostJsonAsync(Keys, new { name = "portal", roles = new[] { "Customer" }, customerId = Guid.NewGuid() })).AssertProblemAsync(HttpStatusCode.BadRequest, "customerId");
    }

    [Fact]
    public async Task A_staff_key_with_a_customerId_is_400_naming_customerId()
    {
        using var admin = factory.CreateAdminClient();
        await (await admin.PostJsonAsync(Keys, new { name = "agent", roles = new[] { "Agent" }, customerId = Guid.NewGuid() })).AssertProblemAsync(HttpStatusCode.BadRequest, "customerId");
    }

    [Theory]
    [InlineData("Wizard")]
    [InlineData("admin")]
    [InlineData("")]
    public async Task An_unknown_role_is_400_naming_roles(string role)
    {
        using var admin = factory.CreateAdminClient();
        var problem = await (await admin.PostJsonAsync(Keys, new { name = "bad-role", roles = new[] { "Agent", role } })).AssertProblemAsync(HttpStatusCode.BadRequest, "roles");
        Assert.Equal(["roles"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task No_roles_is_400_naming_roles()
    {
        using var admin = factory.CreateAdminClient();
        await (await admin.PostJsonAsync(Keys, new { name = "no-roles", roles = Array.Empty<string>() })).AssertProblemAsync(HttpStatusCode.BadRequest, "roles");
        await (await admin.PostJsonAsync(Keys, new { name = "no-roles" })).AssertProblemAsync(HttpStatusCode.BadRequest, "roles");
        await (await admin.PostJsonAsync(Keys, new { name = "no-roles", roles = "Agent" })).AssertProblemAsync(HttpStatusCode.BadRequest, "roles");
    }

    [Fact]
    public async Task A_missing_or_overlong_name_is_400_naming_name()
    {
        using var admin = factory.CreateAdminClient();
        await (await admin.PostJsonAsync(Keys, new { roles = new[] { "Agent" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await admin.PostJsonAsync(Keys, new { name = new string('k', 101), roles = new[] { "Agent" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task A_customerId_that_is_not_a_guid_is_400_naming_customerId()
    {
        using var admin = factory.CreateAdminClient();
        await (await admin.PostJsonAsync(Keys, new { name = "portal", roles = new[] { "Customer" }, customerId = "ACME" })).AssertProblemAsync(HttpStatusCode.BadRequest, "customerId");
    }

    [Theory]
    [InlineData("Agent")]
    [InlineData("Manager")]
    [InlineData("ChangeApprover")]
    public async Task A_non_admin_gets_403_on_every_api_key_route(string role)
    {
        var (client, id, _) = await factory.CreateClientWithRolesAsync(null, role);
        using (client)
        {
            await (await client.GetAsync(Keys)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostJsonAsync(Keys, new { name = "escalate", roles = new[] { "Admin" } })).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.DeleteAsync($"{Keys}/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/api/v1/catalog/products")).ReadJsonAsync();
        }
    }

    [Fact]
    public async Task Without_a_key_the_api_key_routes_are_401()
    {
        using var client = factory.CreateClient(apiKey: null);
        await (await client.GetAsync(Keys)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync(Keys, new { name = "x", roles = new[] { "Admin" } })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.DeleteAsync($"{Keys}/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_Admin_key_issued_through_the_API_can_issue_keys()
    {
        var (admin2, _, _) = await factory.CreateClientWithRolesAsync(null, "Admin");
        using (admin2)
            await (await admin2.PostJsonAsync(Keys, new { name = "issued-by-second-admin", roles = new[] { "Agent" } })).ReadJsonAsync(HttpStatusCode.Created);
    }
}
