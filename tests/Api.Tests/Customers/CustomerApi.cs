using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Customers;

/// <summary>Customers, agreements and products created through the API as the tests' starting points.</summary>
public static class CustomerApi
{
    public sealed record Created(Guid Id, string Code, string ETag);

    public static async Task<Created> CreateAsync(ServiceDeskApiFactory factory, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var admin = factory.CreateAdminClient();
        code ??= HttpClientExtensions.NewCode("CUST");
        var response = await admin.PostAsJsonAsync("/api/v1/customers", new
        {
            code,
            name = $"Customer {code}",
            contacts = new[] { new { name = "Li Wei", email = "li.wei@example.com", phone = "+86 21 5555 0100" } },
        });
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        return new Created(body.GetProperty("id").GetGuid(), code, response.ETag());
    }

    /// <summary>An agreement for a line (<paramref name="line"/>) or for products (<paramref name="products"/>), valid from <paramref name="from"/>.</summary>
    public static async Task<JsonElement> AddAgreementAsync(
        ServiceDeskApiFactory factory,
        Guid customerId,
        string level,
        string? line = null,
        string[]? products = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var admin = factory.CreateAdminClient();
        var response = await admin.PostAsJsonAsync($"/api/v1/customers/{customerId}/agreements", new
        {
            serviceLevelCode = level,
            productLineCode = line,
            productCodes = products,
            validFrom = from ?? factory.Clock.GetUtcNow().AddDays(-30),
            validTo = to,
        });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>A new product in the OPS-SD series (so retiring it touches no other test).</summary>
    public static async Task<string> CreateProductAsync(ServiceDeskApiFactory factory, bool retired = false)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var admin = factory.CreateAdminClient();
        var code = HttpClientExtensions.NewCode("OPS-SD");
        var response = await admin.PostAsJsonAsync("/api/v1/catalog/products", new
        {
            code,
            seriesCode = "OPS-SD",
            name = "Test product",
            nameZh = "测试产品",
            kind = "support",
            deliveryModes = new[] { "Remote" },
            monthlyBasePrice = 100,
        });
        await response.ReadJsonAsync(HttpStatusCode.Created);
        if (retired)
            await (await admin.PostAsync($"/api/v1/catalog/products/{code}/retire", null)).ReadJsonAsync();
        return code;
    }
}
