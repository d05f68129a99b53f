using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Customers;

/// <summary>A customer's agreements: coverage, validity and status, retired levels and products, ETags, cancel, roles.</summary>
public sealed class AgreementEndpointTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    [Fact]
    public async Task A_line_level_agreement_is_created_with_its_location_ETag_and_status()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        using var admin = factory.CreateAdminClient();

        var response = await admin.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/agreements", new
        {
            serviceLevelCode = "GOLD",
            productLineCode = "OPS",
            validFrom = "2026-01-01T08:00:00+08:00",
            validTo = "2027-01-01T00:00:00Z",
        });
        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        Assert.Equal($"/api/v1/customers/{customer.Id}/agreements/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(customer.Id, created.GetProperty("customerId").GetGuid());
        Assert.Equal("GOLD", created.GetProperty("serviceLevelCode").GetString());
        Assert.Equal("OPS", created.GetProperty("productLineCode").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("productCodes").ValueKind);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), created.GetProperty("validFrom").GetDateTimeOffset());
        Assert.Equal(TimeSpan.Zero, created.GetProperty("validFrom").GetDateTimeOffset().Offset);
        Assert.Equal("Active", created.GetProperty("status").GetString());

        var read = await admin.GetAsync($"/api/v1/customers/{customer.Id}/agreements/{id}");
        Assert.Equal(id, (await read.ReadJsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(response.ETag(), read.ETag());
        Assert.Equal(HttpStatusCode.NotModified, (await admin.GetIfNoneMatchAsync($"/api/v1/customers/{customer.Id}/agreements/{id}", read.ETag())).StatusCode);
    }

    [Fact]
    public async Task A_product_level_agreement_lists_its_products_in_code_order()
    {
        var customer = await CustomerApi.CreateAsync(factory);

        var created = await CustomerApi.AddAgreementAsync(factory, customer.Id, "PLATINUM", products: ["OPS-SD-02", "OPS-SD-01", "OPS-SD-02"]);

        Assert.Equal(JsonValueKind.Null, created.GetProperty("productLineCode").ValueKind);
        Assert.Equal(["OPS-SD-01", "OPS-SD-02"], created.GetProperty("productCodes").EnumerateArray().Select(p => p.GetString()!).ToArray());
    }

    public static TheoryData<string, string> InvalidAgreements => new()
    {
        { """{ "serviceLevelCode": "GOLD", "validFrom": "2026-01-01T00:00:00Z" }""", "productLineCode" },
        { """{ "serviceLevelCode": "GOLD", "productCodes": [], "validFrom": "2026-01-01T00:00:00Z" }""", "productLineCode" },
        { """{ "serviceLevelCode": "GOLD", "productLineCode": "OPS", "productCodes": ["OPS-SD-01"], "validFrom": "2026-01-01T00:00:00Z" }""", "productCodes" },
        { """{ "serviceLevelCode": "GOLD", "productLineCode": "OPS" }""", "validFrom" },
        { """{ "serviceLevelCode": "GOLD", "productLineCode": "OPS", "validFrom": "next monday" }""", "validFrom" },
        { """{ "serviceLevelCode": "GOLD", "productLineCode": "OPS", "validFrom": "2026-01-01T00:00:00Z", "validTo": "2026-01-01T00:00:00Z" }""", "validTo" },
        { """{ "serviceLevelCode": "NO-SUCH-LEVEL", "productLineCode": "OPS", "validFrom": "2026-01-01T00:00:00Z" }""", "serviceLevelCode" },
        { """{ "productLineCode": "OPS", "validFrom": "2026-01-01T00:00:00Z" }""", "serviceLevelCode" },
        { """{ "serviceLevelCode": "GOLD", "productLineCode": "NOPE", "validFrom": "2026-01-01T00:00:00Z" }""", "productLineCode" },
        { """{ "serviceLevelCode": "GOLD", "productCodes": ["OPS-SD-01", "OPS-SD-99"], "validFrom": "2026-01-01T00:00:00Z" }""", "productCodes[1]" },
        { """{ "serviceLevelCode": "GOLD", "productCodes": ["ops-sd-01"], "validFrom": "2026-01-01T00:00:00Z" }""", "productCodes[0]" },
    };

    [Theory]
    [MemberData(nameof(InvalidAgreements))]
    public async Task An_invalid_agreement_is_refused_naming_the_field(string json, string field)
    {
        var customer = await CustomerApi.CreateAsync(factory);
        using var admin = factory.CreateAdminClient();

        await (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/customers/{customer.Id}/agreements", json)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_retired_product_cannot_go_in_a_new_agreement()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        var retired = await CustomerApi.CreateProductAsync(factory, retired: true);
        using var admin = factory.CreateAdminClient();

        await (await admin.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/agreements", new { serviceLevelCode = "GOLD", productCodes = new[] { retired }, validFrom = Now }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "productCodes", "/product-retired");
    }

    [Fact]
    public async Task A_retired_level_cannot_go_in_a_new_agreement_but_agreements_on_it_keep_it()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        using var admin = factory.CreateAdminClient();
        var level = HttpClientExtensions.NewCode("SL");
        await (await admin.PostAsJsonAsync("/api/v1/service-levels", new
        {
            code = level, name = "Temp", rank = 9, calendarCode = "24X7", priceMultiplier = 1, availabilityTargetPercent = 99,
            targets = new Dictionary<string, object>
            {
                ["P1"] = new { responseMinutes = 1, resolutionMinutes = 2 }, ["P2"] = new { responseMinutes = 1, resolutionMinutes = 2 },
                ["P3"] = new { responseMinutes = 1, resolutionMinutes = 2 }, ["P4"] = new { responseMinutes = 1, resolutionMinutes = 2 },
            },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var existing = await CustomerApi.AddAgreementAsync(factory, customer.Id, level, line: "MNT");
        await (await admin.PostAsync($"/api/v1/service-levels/{level}/retire", null)).ReadJsonAsync();

        await (await admin.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/agreements", new { serviceLevelCode = level, productLineCode = "OPS", validFrom = Now }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "serviceLevelCode", "/service-level-retired");

        // The existing agreement keeps its (now retired) level through an edit of its validity.
        var url = $"/api/v1/customers/{customer.Id}/agreements/{existing.GetProperty("id").GetGuid()}";
        var changed = await (await admin.SendJsonAsync(HttpMethod.Put, url, new { serviceLevelCode = level, productLineCode = "MNT", validFrom = Now.AddDays(-30), validTo = Now.AddDays(30) })).ReadJsonAsync();
        Assert.Equal(level, changed.GetProperty("serviceLevelCode").GetString());
    }

    [Fact]
    public async Task The_status_is_derived_from_the_validity_start_inclusive_end_exclusive()
    {
        var customer = await CustomerApi.CreateAsync(factory);

        Assert.Equal("Active", (await CustomerApi.AddAgreementAsync(factory, customer.Id, "GOLD", line: "OPS", from: Now)).GetProperty("status").GetString());
        Assert.Equal("Future", (await CustomerApi.AddAgreementAsync(factory, customer.Id, "GOLD", line: "OPS", from: Now.AddSeconds(1))).GetProperty("status").GetString());
        Assert.Equal("Expired", (await CustomerApi.AddAgreementAsync(factory, customer.Id, "GOLD", line: "OPS", from: Now.AddDays(-60), to: Now)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_customers_agreements_are_listed_by_start_and_filtered_by_status()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        var expired = await CustomerApi.AddAgreementAsync(factory, customer.Id, "SILVER", line: "MNT", from: Now.AddDays(-90), to: Now.AddDays(-1));
        var future = await CustomerApi.AddAgreementAsync(factory, customer.Id, "GOLD", line: "OPS", from: Now.AddDays(10));
        var active = await CustomerApi.AddAgreementAsync(factory, customer.Id, "PLATINUM", products: ["OPS-SD-01"], from: Now.AddDays(-10));
        using var admin = factory.CreateAdminClient();
        var url = $"/api/v1/customers/{customer.Id}/agreements";

        var first = await (await admin.GetAsync(url + "?limit=2")).ReadJsonAsync();
        var rest = await (await admin.GetAsync(url + "?limit=2&cursor=" + Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!))).ReadJsonAsync();
        var ids = first.GetProperty("items").EnumerateArray().Concat(rest.GetProperty("items").EnumerateArray()).Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([expired.GetProperty("id").GetGuid(), active.GetProperty("id").GetGuid(), future.GetProperty("id").GetGuid()], ids);
        Assert.Equal(["OPS-SD-01"], first.GetProperty("items")[1].GetProperty("productCodes").EnumerateArray().Select(p => p.GetString()!).ToArray());

        foreach (var (status, expected) in new[] { ("Active", active), ("Future", future), ("Expired", expired) })
        {
            var filtered = await (await admin.GetAsync($"{url}?status={status}")).ReadJsonAsync();
            Assert.Equal([expected.GetProperty("id").GetGuid()], filtered.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToArray());
        }

        await (await admin.GetAsync($"{url}?status=Lapsed")).AssertProblemAsync(HttpStatusCode.BadRequest, "status");
        await (await admin.GetAsync($"/api/v1/customers/{Guid.NewGuid()}/agreements")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Changing_only_the_products_changes_the_ETag_and_a_stale_ETag_is_refused()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        var created = await CustomerApi.AddAgreementAsync(factory, customer.Id, "GOLD", products: ["OPS-SD-01", "OPS-SD-02"]);
        using var admin = factory.CreateAdminClient();
        var url = $"/api/v1/customers/{customer.Id}/agreements/{created.GetProperty("id").GetGuid()}";
        var etag = (await admin.GetAsync(url)).ETag();
        var validFrom = created.GetProperty("validFrom").GetDateTimeOffset();

        var changed = await admin.SendJsonAsync(HttpMethod.Put, url, new { serviceLevelCode = "GOLD", productCodes = new[] { "OPS-SD-02", "OPS-SD-03" }, validFrom }, etag);
        Assert.Equal(["OPS-SD-02", "OPS-SD-03"], (await changed.ReadJsonAsync()).GetProperty("productCodes").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.NotEqual(etag, changed.ETag());

        var reread = await admin.GetAsync(url);
        Assert.Equal(["OPS-SD-02", "OPS-SD-03"], (await reread.ReadJsonAsync()).GetProperty("productCodes").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal(changed.ETag(), reread.ETag());

        await (await admin.SendJsonAsync(HttpMethod.Put, url, new { serviceLevelCode = "GOLD", productCodes = new[] { "OPS-SD-01" }, validFrom }, etag))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        // From products to a whole line.
        var toLine = await (await admin.SendJsonAsync(HttpMethod.Put, url, new { serviceLevelCode = "SILVER", productLineCode = "OPS", validFrom })).ReadJsonAsync();
        Assert.Equal("OPS", toLine.GetProperty("productLineCode").GetString());
        Assert.Equal(JsonValueKind.Null, toLine.GetProperty("productCodes").ValueKind);
    }

    [Fact]
    public async Task A_cancelled_agreement_is_final()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        var created = await CustomerApi.AddAgreementAsync(factory, customer.Id, "GOLD", line: "OPS");
        using var admin = factory.CreateAdminClient();
        var url = $"/api/v1/customers/{customer.Id}/agreements/{created.GetProperty("id").GetGuid()}";
        var etag = (await admin.GetAsync(url)).ETag();

        var cancelled = await (await admin.SendJsonAsync(HttpMethod.Post, url + "/cancel", ifMatch: etag)).ReadJsonAsync();
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, cancelled.GetProperty("cancelledAt").ValueKind);

        await (await admin.SendJsonAsync(HttpMethod.Post, url + "/cancel")).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/illegal-transition");
        await (await admin.SendJsonAsync(HttpMethod.Put, url, new { serviceLevelCode = "GOLD", productLineCode = "OPS", validFrom = Now })).AssertProblemAsync(HttpStatusCode.Conflict);
        var listed = await (await admin.GetAsync($"/api/v1/customers/{customer.Id}/agreements?status=Cancelled")).ReadJsonAsync();
        Assert.Equal(1, listed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_inactive_customer_gets_no_new_agreement()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        using var admin = factory.CreateAdminClient();
        await (await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/customers/{customer.Id}", new { name = "Gone", contacts = Array.Empty<object>(), active = false })).ReadJsonAsync();

        await (await admin.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/agreements", new { serviceLevelCode = "GOLD", productLineCode = "OPS", validFrom = Now }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, typeEndsWith: "/customer-inactive");
        await (await admin.PostAsJsonAsync($"/api/v1/customers/{Guid.NewGuid()}/agreements", new { serviceLevelCode = "GOLD", productLineCode = "OPS", validFrom = Now }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_agreement_is_only_found_under_its_own_customer()
    {
        var owner = await CustomerApi.CreateAsync(factory);
        var other = await CustomerApi.CreateAsync(factory);
        var created = await CustomerApi.AddAgreementAsync(factory, owner.Id, "GOLD", line: "OPS");
        using var admin = factory.CreateAdminClient();
        var id = created.GetProperty("id").GetGuid();

        await (await admin.GetAsync($"/api/v1/customers/{other.Id}/agreements/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/customers/{other.Id}/agreements/{id}/cancel")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/customers/{owner.Id}/agreements/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_customer_key_reads_its_own_agreements_only_and_writes_none()
    {
        var own = await CustomerApi.CreateAsync(factory);
        var other = await CustomerApi.CreateAsync(factory);
        var mine = await CustomerApi.AddAgreementAsync(factory, own.Id, "GOLD", line: "OPS");
        var theirs = await CustomerApi.AddAgreementAsync(factory, other.Id, "GOLD", line: "OPS");
        var (client, _, _) = await factory.CreateClientWithRolesAsync(own.Id, "Customer");
        using (client)
        {
            var list = await (await client.GetAsync($"/api/v1/customers/{own.Id}/agreements")).ReadJsonAsync();
            Assert.Equal([mine.GetProperty("id").GetGuid()], list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToArray());
            await (await client.GetAsync($"/api/v1/customers/{own.Id}/agreements/{mine.GetProperty("id").GetGuid()}")).ReadJsonAsync();

            await (await client.GetAsync($"/api/v1/customers/{other.Id}/agreements")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync($"/api/v1/customers/{other.Id}/agreements/{theirs.GetProperty("id").GetGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);

            await (await client.PostAsJsonAsync($"/api/v1/customers/{own.Id}/agreements", new { serviceLevelCode = "PLATINUM", productLineCode = "OPS", validFrom = Now }))
                .AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/customers/{own.Id}/agreements/{mine.GetProperty("id").GetGuid()}/cancel"))
                .AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }
}
