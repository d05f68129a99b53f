using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.ServiceDesk;

/// <summary>Sets up customers with agreements through the API and raises tickets, as a client would.</summary>
public sealed class DeskDriver(ServiceDeskApiFactory factory)
{
    private int _customers;

    /// <summary>A customer with one agreement at <paramref name="level"/> on a product line (or on products).</summary>
    public async Task<Guid> CustomerAsync(string level, string? lineCode = "OPS", string[]? productCodes = null, string? code = null)
    {
        using var admin = factory.CreateAdminClient();
        code ??= $"C{Interlocked.Increment(ref _customers):D3}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
        var customer = await (await admin.PostAsJsonAsync("/api/v1/customers", new
        {
            code,
            name = $"Customer {code}",
            contacts = new[] { new { name = "Zhang Min", email = "zhang.min@example.com", phone = (string?)null } },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var id = customer.GetProperty("id").GetGuid();
        await AgreementAsync(id, level, lineCode, productCodes);
        return id;
    }

    public async Task AgreementAsync(Guid customerId, string level, string? lineCode, string[]? productCodes = null)
    {
        using var admin = factory.CreateAdminClient();
        var response = await admin.PostAsJsonAsync($"/api/v1/customers/{customerId}/agreements", new
        {
            serviceLevelCode = level,
            productLineCode = productCodes is null ? lineCode : null,
            productCodes,
            validFrom = "2026-01-01T00:00:00Z",
            validTo = (string?)null,
        });
        await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>A GOLD customer on OPS with <paramref name="count"/> incidents raised by an agent.</summary>
    public async Task<Guid> CustomerWithIncidentsAsync(int count)
    {
        var customerId = await CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        for (var i = 0; i < count; i++)
            await RaiseAsync(agent, Incident(customerId));
        return customerId;
    }

    public static object Incident(Guid customerId, string? productCode = "OPS-INF-01", string impact = "High", string urgency = "Medium", string type = "incident", string? externalReference = null) => new
    {
        type,
        customerId,
        productCode,
        summary = "Core switch in building B is down",
        description = "No network on floors 3-5 since 08:40.",
        impact,
        urgency,
        channel = "phone",
        contact = new { name = "Zhang Min", email = "zhang.min@example.com" },
        externalReference,
    };

    public static async Task<JsonElement> RaiseAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/service-desk/tickets", body);
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static DateTimeOffset Instant(JsonElement element, string property) =>
        DateTimeOffset.Parse(element.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
