using System.Net;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Catalog;

public sealed class CatalogReadTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    [Fact]
    public async Task The_seeded_catalog_has_5_lines_14_series_and_53_products()
    {
        using var client = factory.CreateAdminClient();

        var lines = await (await client.GetAsync("/api/v1/catalog/product-lines")).ReadJsonAsync();
        Assert.Equal(5, lines.GetProperty("items").GetArrayLength());
        Assert.Equal(14, lines.GetProperty("items").EnumerateArray().Sum(l => l.GetProperty("series").GetArrayLength()));

        var products = await (await client.GetAsync("/api/v1/catalog/products?limit=200")).ReadJsonAsync();
        Assert.Equal(53, products.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKindNull, products.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Paging_with_a_small_limit_visits_every_product_once_in_code_order()
    {
        using var client = factory.CreateAdminClient();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = "/api/v1/catalog/products?limit=7" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await (await client.GetAsync(url)).ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(8, pages);
        Assert.Equal(53, seen.Count);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal).ToList(), seen);
    }

    [Fact]
    public async Task Without_a_key_the_catalog_answers_401_problem()
    {
        using var client = factory.CreateClient(apiKey: null);
        var response = await client.GetAsync("/api/v1/catalog/products");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
