using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Catalog;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Integrations;

/// <summary>The bootstrap admin key, and a second start on the same database (a restart, or another instance).</summary>
public sealed class BootstrapAndRestartTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static async Task<(int Lines, int Series, int Products)> CatalogCountsAsync(HttpClient client)
    {
        var lines = await (await client.GetAsync("/api/v1/catalog/product-lines?limit=200")).ReadJsonAsync();
        var products = await (await client.GetAsync("/api/v1/catalog/products?limit=200")).ReadJsonAsync();
        return (
            lines.GetProperty("items").GetArrayLength(),
            lines.GetProperty("items").EnumerateArray().Sum(l => l.GetProperty("series").GetArrayLength()),
            products.GetProperty("items").GetArrayLength());
    }

    private static async Task<List<JsonElement>> KeysAsync(HttpClient admin) =>
        (await (await admin.GetAsync("/api/v1/api-keys?limit=200")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task The_bootstrap_key_works_as_Admin()
    {
        using var admin = factory.CreateAdminClient();

        var keys = await KeysAsync(admin);

        var bootstrap = Assert.Single(keys, k => k.GetProperty("name").GetString() == "bootstrap-admin");
        Assert.Equal(["Admin"], bootstrap.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        await (await admin.PostJsonAsync("/api/v1/api-keys", new { name = "issued-by-bootstrap", roles = new[] { "Agent" } })).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_second_start_on_the_same_database_duplicates_neither_the_bootstrap_key_nor_the_seed_and_keeps_earlier_data()
    {
        using var before = factory.CreateAdminClient();
        Assert.Equal((5, 14, 53), await CatalogCountsAsync(before));
        var lineCode = CatalogBodies.NewCode("LN");
        await (await before.PostJsonAsync("/api/v1/catalog/product-lines", CatalogBodies.Line(lineCode))).ReadJsonAsync(HttpStatusCode.Created);
        await (await before.PatchJsonAsync("/api/v1/catalog/products/OPS-SD-01", new { name = "Renamed before restart" })).ReadJsonAsync();
        var keysBefore = await KeysAsync(before);

        await using var restarted = new SameDatabaseApiFactory(factory.Database);
        using var after = restarted.CreateAdminClient();

        var (lines, series, products) = await CatalogCountsAsync(after);
        Assert.Equal(5 + 1, lines);
        Assert.Equal(14, series);
        Assert.Equal(53, products);
        await (await after.GetAsync($"/api/v1/catalog/product-lines/{lineCode}")).ReadJsonAsync();
        var product = await (await after.GetAsync("/api/v1/catalog/products/OPS-SD-01")).ReadJsonAsync();
        Assert.Equal("Renamed before restart", product.GetProperty("name").GetString());
        var keysAfter = await KeysAsync(after);
        Assert.Single(keysAfter, k => k.GetProperty("name").GetString() == "bootstrap-admin");
        Assert.Equal(keysBefore.Count, keysAfter.Count);
    }

    [Fact]
    public async Task A_bootstrap_key_revoked_before_a_restart_stays_revoked()
    {
        var first = new ServiceDeskApiFactory();
        try
        {
            var (secondAdmin, _, secondAdminKey) = await first.CreateClientWithRolesAsync(null, "Admin");
            secondAdmin.Dispose();
            using (var admin = first.CreateAdminClient())
            {
                var bootstrap = (await KeysAsync(admin)).Single(k => k.GetProperty("name").GetString() == "bootstrap-admin");
                using var other = first.CreateClient(secondAdminKey);
                Assert.Equal(HttpStatusCode.NoContent, (await other.DeleteAsync($"/api/v1/api-keys/{bootstrap.GetProperty("id").GetGuid()}")).StatusCode);
            }

            await first.DisposeAsync(); // stops the host; the database stays
            await using var restarted = new SameDatabaseApiFactory(first.Database);

            using var stillRevoked = restarted.CreateAdminClient();
            await (await stillRevoked.GetAsync("/api/v1/catalog/products")).AssertProblemAsync(HttpStatusCode.Unauthorized);
            using var otherAdmin = restarted.CreateClient(secondAdminKey);
            var keys = await KeysAsync(otherAdmin);
            Assert.Single(keys, k => k.GetProperty("name").GetString() == "bootstrap-admin");
        }
        finally
        {
            await first.Database.DisposeAsync();
        }
    }
}
