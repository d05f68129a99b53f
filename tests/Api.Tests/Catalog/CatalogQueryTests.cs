using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Catalog;

/// <summary>The read routes of the catalog, on the seeded catalog (this class never writes).</summary>
public sealed class CatalogQueryTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static readonly string[] LineCodes = ["CON", "MNT", "OPS", "SEC", "TOOL"];

    private static List<string> Codes(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToList();

    private async Task<JsonElement> GetAsync(string url)
    {
        using var client = factory.CreateAdminClient();
        return await (await client.GetAsync(url)).ReadJsonAsync();
    }

    [Fact]
    public async Task Listing_lines_gives_the_5_lines_in_code_order_with_their_14_series()
    {
        var page = await GetAsync("/api/v1/catalog/product-lines");

        Assert.Equal(LineCodes, Codes(page));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        var series = page.GetProperty("items").EnumerateArray().SelectMany(l => l.GetProperty("series").EnumerateArray()).ToList();
        Assert.Equal(14, series.Count);
        var ops = page.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "OPS");
        Assert.Equal("Operations & Maintenance Services", ops.GetProperty("name").GetString());
        Assert.Equal("运维服务", ops.GetProperty("nameZh").GetString());
        Assert.Equal(["OPS-APP", "OPS-DC", "OPS-INF", "OPS-SD"], ops.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("code").GetString()!));
    }

    [Fact]
    public async Task Paging_lines_two_at_a_time_visits_each_line_once()
    {
        using var client = factory.CreateAdminClient();
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync("/api/v1/catalog/product-lines?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)))).ReadJsonAsync();
            seen.AddRange(Codes(page));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && seen.Count < 20);

        Assert.Equal(LineCodes, seen);
    }

    [Fact]
    public async Task Getting_a_line_gives_its_series_with_their_products()
    {
        using var client = factory.CreateAdminClient();
        var response = await client.GetAsync("/api/v1/catalog/product-lines/SEC");
        var line = await response.ReadJsonAsync();

        Assert.Equal("SEC", line.GetProperty("code").GetString());
        Assert.Equal("安全服务", line.GetProperty("nameZh").GetString());
        var series = line.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["SEC-AS", "SEC-GUA", "SEC-OPS"], series.Select(s => s.GetProperty("code").GetString()!));
        Assert.All(series, s => Assert.Equal("SEC", s.GetProperty("lineCode").GetString()));
        Assert.Equal(10, series.Sum(s => s.GetProperty("products").GetArrayLength()));
        var pentest = series.SelectMany(s => s.GetProperty("products").EnumerateArray()).Single(p => p.GetProperty("code").GetString() == "SEC-AS-02");
        Assert.Equal("Penetration Testing", pentest.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(response.ETag()));
    }

    [Fact]
    public async Task Getting_a_series_gives_its_products_in_code_order()
    {
        using var client = factory.CreateAdminClient();
        var response = await client.GetAsync("/api/v1/catalog/series/OPS-SD");
        var series = await response.ReadJsonAsync();

        Assert.Equal("OPS-SD", series.GetProperty("code").GetString());
        Assert.Equal("OPS", series.GetProperty("lineCode").GetString());
        Assert.Equal("服务台与桌面终端运维", series.GetProperty("nameZh").GetString());
        Assert.Equal(
            ["OPS-SD-01", "OPS-SD-02", "OPS-SD-03", "OPS-SD-04", "OPS-SD-05"],
            series.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("code").GetString()!));
        response.ETag();
    }

    [Fact]
    public async Task Getting_a_product_gives_every_contract_field()
    {
        using var client = factory.CreateAdminClient();
        var response = await client.GetAsync("/api/v1/catalog/products/OPS-SD-02");
        var product = await response.ReadJsonAsync();

        Assert.Equal("OPS-SD-02", product.GetProperty("code").GetString());
        Assert.Equal("OPS", product.GetProperty("lineCode").GetString());
        Assert.Equal("OPS-SD", product.GetProperty("seriesCode").GetString());
        Assert.Equal("Desktop & Endpoint Support", product.GetProperty("name").GetString());
        Assert.Equal("桌面终端运维", product.GetProperty("nameZh").GetString());
        Assert.True(product.TryGetProperty("description", out _));
        Assert.Equal("support", product.GetProperty("kind").GetString());
        Assert.Equal(["Remote", "OnSite"], product.GetProperty("deliveryModes").EnumerateArray().Select(m => m.GetString()!));
        Assert.Equal(JsonValueKind.Number, product.GetProperty("monthlyBasePrice").ValueKind);
        Assert.Equal(1200m, product.GetProperty("monthlyBasePrice").GetDecimal());
        Assert.Equal("Active", product.GetProperty("status").GetString());
        response.ETag();
    }

    [Theory]
    [InlineData("/api/v1/catalog/product-lines/NOPE")]
    [InlineData("/api/v1/catalog/series/NOPE")]
    [InlineData("/api/v1/catalog/products/NOPE-01")]
    [InlineData("/api/v1/catalog/products/NOPE-01/quote?serviceLevel=GOLD")]
    public async Task An_unknown_code_is_404_problem(string url)
    {
        using var client = factory.CreateAdminClient();
        await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound, typeEndsWith: "not-found");
    }

    [Fact]
    public async Task Filtering_products_by_line_gives_only_that_line()
    {
        var page = await GetAsync("/api/v1/catalog/products?line=SEC");

        Assert.Equal(10, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(), p => Assert.Equal("SEC", p.GetProperty("lineCode").GetString()));
    }

    [Fact]
    public async Task Filtering_products_by_series_gives_only_that_series()
    {
        var page = await GetAsync("/api/v1/catalog/products?series=OPS-INF");

        Assert.Equal(["OPS-INF-01", "OPS-INF-02", "OPS-INF-03", "OPS-INF-04"], Codes(page));
    }

    [Fact]
    public async Task Filtering_products_by_kind_request_gives_the_18_request_products()
    {
        var page = await GetAsync("/api/v1/catalog/products?kind=request&limit=200");

        Assert.Equal(18, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(), p => Assert.Equal("request", p.GetProperty("kind").GetString()));
        Assert.Contains("SEC-AS-02", Codes(page));
    }

    [Fact]
    public async Task Filters_combine()
    {
        var page = await GetAsync("/api/v1/catalog/products?line=OPS&kind=recurring");

        Assert.Equal(["OPS-DC-02", "OPS-SD-05"], Codes(page));
    }

    [Fact]
    public async Task An_unknown_kind_or_status_filter_is_400_naming_it()
    {
        using var client = factory.CreateAdminClient();
        await (await client.GetAsync("/api/v1/catalog/products?kind=subscription")).AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
        await (await client.GetAsync("/api/v1/catalog/products?kind=1")).AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
        await (await client.GetAsync("/api/v1/catalog/products?status=Deleted")).AssertProblemAsync(HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task Searching_matches_the_code_case_insensitively()
    {
        Assert.Equal(["OPS-SD-01", "OPS-SD-02", "OPS-SD-03", "OPS-SD-04", "OPS-SD-05"], Codes(await GetAsync("/api/v1/catalog/products?q=ops-sd")));
    }

    [Theory]
    [InlineData("penetration")]
    [InlineData("PENETRATION TESTING")]
    [InlineData("Penetration")]
    public async Task Searching_matches_the_English_name_case_insensitively(string q)
    {
        Assert.Equal(["SEC-AS-02"], Codes(await GetAsync("/api/v1/catalog/products?q=" + Uri.EscapeDataString(q))));
    }

    [Fact]
    public async Task Searching_matches_the_Chinese_name()
    {
        Assert.Equal(["SEC-AS-02"], Codes(await GetAsync("/api/v1/catalog/products?q=" + Uri.EscapeDataString("渗透"))));
    }

    [Theory]
    [InlineData("IT服务台")]
    [InlineData("it服务台")]
    public async Task Searching_matches_a_Chinese_name_with_latin_letters_case_insensitively(string q)
    {
        Assert.Equal(["OPS-SD-01"], Codes(await GetAsync("/api/v1/catalog/products?q=" + Uri.EscapeDataString(q))));
    }

    [Fact]
    public async Task A_search_that_matches_nothing_is_an_empty_page()
    {
        var page = await GetAsync("/api/v1/catalog/products?q=zzzz-nothing");

        Assert.Empty(Codes(page));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }
}
