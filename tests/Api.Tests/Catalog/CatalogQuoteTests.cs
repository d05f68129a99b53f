using System.Net;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Catalog.CatalogBodies;

namespace ServiceDesk.Api.Tests.Catalog;

public sealed class CatalogQuoteTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private const string Products = "/api/v1/catalog/products";

    [Fact]
    public async Task A_GOLD_quote_for_OPS_SD_01_is_1800_x_1_5_x_1_x_12_32400_CNY()
    {
        using var client = factory.CreateAdminClient();

        var quote = await (await client.GetAsync($"{Products}/OPS-SD-01/quote?serviceLevel=GOLD&quantity=1&months=12")).ReadJsonAsync();

        Assert.Equal("OPS-SD-01", quote.GetProperty("productCode").GetString());
        Assert.Equal("GOLD", quote.GetProperty("serviceLevelCode").GetString());
        Assert.Equal(1, quote.GetProperty("quantity").GetInt32());
        Assert.Equal(12, quote.GetProperty("months").GetInt32());
        Assert.Equal(1800m, quote.GetProperty("monthlyBasePrice").GetDecimal());
        Assert.Equal(1.5m, quote.GetProperty("priceMultiplier").GetDecimal());
        Assert.Equal(32400m, quote.GetProperty("total").GetDecimal());
        Assert.Equal("CNY", quote.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task A_quote_defaults_to_one_unit_for_twelve_months()
    {
        using var client = factory.CreateAdminClient();

        var quote = await (await client.GetAsync($"{Products}/OPS-SD-01/quote?serviceLevel=GOLD")).ReadJsonAsync();

        Assert.Equal(1, quote.GetProperty("quantity").GetInt32());
        Assert.Equal(12, quote.GetProperty("months").GetInt32());
        Assert.Equal(32400m, quote.GetProperty("total").GetDecimal());
    }

    [Theory]
    [InlineData("PLATINUM", "OPS-SD-02", 2, 6, 28800)]   // 1200 x 2.0 x 2 x 6
    [InlineData("SILVER", "SEC-AS-02", 1, 1, 30000)]      // 30000 x 1.0
    [InlineData("BRONZE", "MNT-HW-01", 3, 12, 25200)]    // 1000 x 0.7 x 3 x 12
    public async Task A_quote_multiplies_price_level_quantity_and_months(string level, string product, int quantity, int months, decimal total)
    {
        using var client = factory.CreateAdminClient();

        var quote = await (await client.GetAsync($"{Products}/{product}/quote?serviceLevel={level}&quantity={quantity}&months={months}")).ReadJsonAsync();

        Assert.Equal(total, quote.GetProperty("total").GetDecimal());
    }

    [Theory]
    [InlineData("serviceLevel=DIAMOND", "serviceLevel")]
    [InlineData("", "serviceLevel")]
    [InlineData("serviceLevel=GOLD&quantity=0", "quantity")]
    [InlineData("serviceLevel=GOLD&quantity=-1", "quantity")]
    [InlineData("serviceLevel=GOLD&quantity=abc", "quantity")]
    [InlineData("serviceLevel=GOLD&months=0", "months")]
    [InlineData("serviceLevel=GOLD&months=1.5", "months")]
    public async Task A_bad_quote_parameter_is_400_naming_it(string query, string field)
    {
        using var client = factory.CreateAdminClient();
        await (await client.GetAsync($"{Products}/OPS-SD-01/quote?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Quoting_a_retired_product_is_422_product_retired()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await (await client.PostJsonAsync(Products, Product(code))).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync($"{Products}/{code}/retire", null)).ReadJsonAsync();

        await (await client.GetAsync($"{Products}/{code}/quote?serviceLevel=GOLD")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, typeEndsWith: "/product-retired");
    }

    [Fact]
    public async Task A_quote_follows_a_price_change()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await (await client.PostJsonAsync(Products, Product(code))).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PatchJsonAsync($"{Products}/{code}", new { monthlyBasePrice = 1000.10m })).ReadJsonAsync();

        var quote = await (await client.GetAsync($"{Products}/{code}/quote?serviceLevel=BRONZE&quantity=1&months=1")).ReadJsonAsync();

        Assert.Equal(700.07m, quote.GetProperty("total").GetDecimal());
    }
}
