using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Customers;

/// <summary><c>GET /customers/{id}/entitlements?product=</c>: domain.md section 2 over HTTP.</summary>
public sealed class EntitlementTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    private async Task<JsonElement> EntitlementAsync(Guid customerId, string? product, HttpClient? client = null)
    {
        using var admin = factory.CreateAdminClient();
        var url = $"/api/v1/customers/{customerId}/entitlements" + (product is null ? string.Empty : "?product=" + product);
        return await (await (client ?? admin).GetAsync(url)).ReadJsonAsync();
    }

    [Fact]
    public async Task A_line_level_agreement_entitles_every_product_of_the_line()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        var agreement = await CustomerApi.AddAgreementAsync(factory, customer.Id, "GOLD", line: "OPS");

        var entitlement = await EntitlementAsync(customer.Id, "OPS-SD-02");

        Assert.Equal(customer.Id, entitlement.GetProperty("customerId").GetGuid());
        Assert.Equal("OPS-SD-02", entitlement.GetProperty("productCode").GetString());
        Assert.True(entitlement.GetProperty("entitled").GetBoolean());
        Assert.Equal("GOLD", entitlement.GetProperty("serviceLevelCode").GetString());
        Assert.Equal(agreement.GetProperty("id").GetGuid(), entitlement.GetProperty("agreementId").GetGuid());
        Assert.Contains("Line-level", entitlement.GetProperty("reason").GetString());
        // The body is the contract's six fields; the outcome the code decides on is not among them.
        Assert.Equal(
            ["agreementId", "customerId", "entitled", "productCode", "reason", "serviceLevelCode"],
            entitlement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_product_level_agreement_beats_a_line_level_one()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        await CustomerApi.AddAgreementAsync(factory, customer.Id, "PLATINUM", line: "OPS");
        var productLevel = await CustomerApi.AddAgreementAsync(factory, customer.Id, "SILVER", products: ["OPS-SD-01"]);

        var listed = await EntitlementAsync(customer.Id, "OPS-SD-01");
        Assert.Equal("SILVER", listed.GetProperty("serviceLevelCode").GetString());
        Assert.Equal(productLevel.GetProperty("id").GetGuid(), listed.GetProperty("agreementId").GetGuid());
        Assert.Contains("Product-level", listed.GetProperty("reason").GetString());

        Assert.Equal("PLATINUM", (await EntitlementAsync(customer.Id, "OPS-SD-02")).GetProperty("serviceLevelCode").GetString());
    }

    [Fact]
    public async Task Among_several_matching_agreements_the_best_rank_wins()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        await CustomerApi.AddAgreementAsync(factory, customer.Id, "BRONZE", line: "OPS");
        await CustomerApi.AddAgreementAsync(factory, customer.Id, "GOLD", line: "OPS");
        await CustomerApi.AddAgreementAsync(factory, customer.Id, "SILVER", line: "OPS");

        Assert.Equal("GOLD", (await EntitlementAsync(customer.Id, "OPS-SD-01")).GetProperty("serviceLevelCode").GetString());
    }

    [Fact]
    public async Task Expired_and_future_agreements_do_not_count()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        await CustomerApi.AddAgreementAsync(factory, customer.Id, "PLATINUM", line: "OPS", from: Now.AddDays(-60), to: Now);
        await CustomerApi.AddAgreementAsync(factory, customer.Id, "PLATINUM", products: ["OPS-SD-01"], from: Now.AddMinutes(1));
        await CustomerApi.AddAgreementAsync(factory, customer.Id, "BRONZE", line: "OPS", from: Now);

        Assert.Equal("BRONZE", (await EntitlementAsync(customer.Id, "OPS-SD-01")).GetProperty("serviceLevelCode").GetString());
    }

    [Fact]
    public async Task Without_a_covering_agreement_the_customer_is_not_entitled_and_told_why()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        await CustomerApi.AddAgreementAsync(factory, customer.Id, "GOLD", line: "MNT");

        var entitlement = await EntitlementAsync(customer.Id, "OPS-SD-01");

        Assert.False(entitlement.GetProperty("entitled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, entitlement.GetProperty("serviceLevelCode").ValueKind);
        Assert.Equal(JsonValueKind.Null, entitlement.GetProperty("agreementId").ValueKind);
        Assert.Equal($"No valid agreement of customer {customer.Code} covers product OPS-SD-01 or its line OPS.", entitlement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_cancelled_agreement_no_longer_entitles()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        var agreement = await CustomerApi.AddAgreementAsync(factory, customer.Id, "GOLD", line: "OPS");
        Assert.True((await EntitlementAsync(customer.Id, "OPS-SD-01")).GetProperty("entitled").GetBoolean());

        using var admin = factory.CreateAdminClient();
        await (await admin.PostAsync($"/api/v1/customers/{customer.Id}/agreements/{agreement.GetProperty("id").GetGuid()}/cancel", null)).ReadJsonAsync();

        Assert.False((await EntitlementAsync(customer.Id, "OPS-SD-01")).GetProperty("entitled").GetBoolean());
    }

    [Fact]
    public async Task A_retired_product_is_not_entitled_even_when_an_agreement_lists_it()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        var product = await CustomerApi.CreateProductAsync(factory);
        await CustomerApi.AddAgreementAsync(factory, customer.Id, "PLATINUM", products: [product]);
        using var admin = factory.CreateAdminClient();
        await (await admin.PostAsync($"/api/v1/catalog/products/{product}/retire", null)).ReadJsonAsync();

        var entitlement = await EntitlementAsync(customer.Id, product);

        Assert.False(entitlement.GetProperty("entitled").GetBoolean());
        Assert.Equal($"Product {product} is retired.", entitlement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_inactive_customer_is_not_entitled()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        await CustomerApi.AddAgreementAsync(factory, customer.Id, "GOLD", line: "OPS");
        using var admin = factory.CreateAdminClient();
        await (await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/customers/{customer.Id}", new { name = "Gone", contacts = Array.Empty<object>(), active = false })).ReadJsonAsync();

        var entitlement = await EntitlementAsync(customer.Id, "OPS-SD-01");

        Assert.False(entitlement.GetProperty("entitled").GetBoolean());
        Assert.Equal($"Customer {customer.Code} is inactive.", entitlement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Without_a_product_the_customers_best_level_in_force_applies()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        await CustomerApi.AddAgreementAsync(factory, customer.Id, "SILVER", line: "MNT");
        var best = await CustomerApi.AddAgreementAsync(factory, customer.Id, "GOLD", products: ["SEC-OPS-01"]);
        await CustomerApi.AddAgreementAsync(factory, customer.Id, "PLATINUM", line: "OPS", from: Now.AddDays(1));

        var entitlement = await EntitlementAsync(customer.Id, product: null);

        Assert.True(entitlement.GetProperty("entitled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, entitlement.GetProperty("productCode").ValueKind);
        Assert.Equal(best.GetProperty("id").GetGuid(), entitlement.GetProperty("agreementId").GetGuid());
    }

    [Fact]
    public async Task An_unknown_product_is_not_entitled_and_a_malformed_one_is_refused()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        await CustomerApi.AddAgreementAsync(factory, customer.Id, "GOLD", line: "OPS");

        var entitlement = await EntitlementAsync(customer.Id, "OPS-SD-99");
        Assert.False(entitlement.GetProperty("entitled").GetBoolean());
        Assert.Equal("Product OPS-SD-99 does not exist.", entitlement.GetProperty("reason").GetString());

        using var admin = factory.CreateAdminClient();
        await (await admin.GetAsync($"/api/v1/customers/{customer.Id}/entitlements?product=ops%20sd")).AssertProblemAsync(HttpStatusCode.BadRequest, "product");
    }

    [Fact]
    public async Task A_customer_key_reads_its_own_entitlements_and_another_customers_are_404()
    {
        var own = await CustomerApi.CreateAsync(factory);
        var other = await CustomerApi.CreateAsync(factory);
        await CustomerApi.AddAgreementAsync(factory, own.Id, "GOLD", line: "OPS");
        await CustomerApi.AddAgreementAsync(factory, other.Id, "GOLD", line: "OPS");
        var (client, _, _) = await factory.CreateClientWithRolesAsync(own.Id, "Customer");
        using (client)
        {
            Assert.True((await EntitlementAsync(own.Id, "OPS-SD-01", client)).GetProperty("entitled").GetBoolean());
            await (await client.GetAsync($"/api/v1/customers/{other.Id}/entitlements?product=OPS-SD-01")).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using var admin = factory.CreateAdminClient();
        await (await admin.GetAsync($"/api/v1/customers/{Guid.NewGuid()}/entitlements?product=OPS-SD-01")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
