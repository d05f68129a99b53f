using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;
using ServiceDesk.Application.Common.Observability;
using ServiceDesk.Infrastructure.ServiceDesk;

namespace ServiceDesk.Api.Tests.Incidents;

/// <summary>
/// <c>GET /incidents</c> and <c>GET /service-requests</c> over HTTP: list items (what picks a ticket out of a list, the
/// whole ticket being one GET away), newest first, every filter of api.md, keyset pages.
/// </summary>
public sealed class TicketListTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    /// <summary>The fields of a list item, as the README and the OpenAPI document (<c>TicketListItem</c>) list them.</summary>
    private static readonly string[] ItemFields =
    [
        "number", "kind", "category", "status", "priority", "customerId", "productCode", "productLineCode", "serviceLevel",
        "assignmentGroup", "assignee", "summary", "openedAt", "responseDueAt", "resolutionDueAt", "responseState", "resolutionState",
    ];

    private readonly DeskDriver _desk = new(factory);

    [Fact]
    public async Task A_list_item_carries_the_listed_fields_with_the_tickets_values_and_nothing_else()
    {
        var customerId = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var number = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId))).GetProperty("number").GetString()!;
        (await agent.PostAsJsonAsync($"/api/v1/incidents/{number}/assign", new { group = "Infrastructure", assignee = "li.wei" })).EnsureSuccessStatusCode();

        var page = await (await agent.GetAsync($"/api/v1/incidents?customerId={customerId}")).ReadJsonAsync();
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        var ticket = await (await agent.GetAsync($"/api/v1/incidents/{number}")).ReadJsonAsync();

        Assert.Equal(ItemFields, item.EnumerateObject().Select(p => p.Name));
        foreach (var field in ItemFields)
            Assert.Equal(ticket.GetProperty(field).GetRawText(), item.GetProperty(field).GetRawText());
        Assert.Equal("li.wei", item.GetProperty("assignee").GetString());
        Assert.Equal("Assigned", item.GetProperty("status").GetString());
        // What only the whole ticket carries.
        foreach (var detail in new[] { "description", "contact", "satisfaction" })
        {
            Assert.True(ticket.TryGetProperty(detail, out _), detail);
            Assert.False(item.TryGetProperty(detail, out _), detail);
        }
    }

    [Fact]
    public async Task Tickets_are_listed_newest_first_in_keyset_pages_and_filtered_by_every_filter()
    {
        // PLATINUM on 24X7: a P1's response is due in 15 minutes and its resolution in 240, so five hours breach both.
        var customerId = await _desk.CustomerAsync("PLATINUM");
        await _desk.AgreementAsync(customerId, "PLATINUM", "SEC");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var urgent = await RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "High", urgency: "High"));
        factory.Clock.Advance(TimeSpan.FromHours(5));
        await new SlaMonitor(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Clock, factory.Services.GetRequiredService<IConfiguration>(),
            factory.Services.GetRequiredService<ServiceDeskMetrics>(), NullLogger<SlaMonitor>.Instance).RunOnceAsync(CancellationToken.None);

        var minor = await RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "Low", urgency: "Low"));
        var security = await RaiseAsync(agent, DeskDriver.Incident(customerId, productCode: "SEC-OPS-02", impact: "Medium", urgency: "Medium"));
        var worked = await RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "Low", urgency: "Medium"));
        var question = await RaiseAsync(agent, DeskDriver.Incident(customerId, productCode: null, type: "inquiry"));
        (await agent.PostAsJsonAsync($"/api/v1/incidents/{worked}/assign", new { group = "Data Center", assignee = "li.wei" })).EnsureSuccessStatusCode();
        (await agent.PostAsync($"/api/v1/incidents/{worked}/start", null)).EnsureSuccessStatusCode();
        var opened = new Dictionary<string, string>();
        foreach (var number in new[] { urgent, minor, worked })
            opened[number] = Uri.EscapeDataString((await (await agent.GetAsync($"/api/v1/incidents/{number}")).ReadJsonAsync()).GetProperty("openedAt").GetString()!);

        var scope = $"customerId={customerId}";
        Assert.Equal([worked, security, minor, urgent], await AllAsync(agent, "incidents", scope));
        Assert.Equal(4, (await AllAsync(agent, "incidents", string.Empty)).Intersect([urgent, minor, security, worked]).Count());
        Assert.Equal([question], await AllAsync(agent, "service-requests", scope));

        // Impact x urgency (service-levels.json): High x High is P1, Low x Low and Low x Medium P4, Medium x Medium P3.
        Assert.Equal([urgent], await AllAsync(agent, "incidents", $"{scope}&priority=P1"));
        Assert.Equal([worked, minor], await AllAsync(agent, "incidents", $"{scope}&priority=P4"));
        Assert.Equal([worked], await AllAsync(agent, "incidents", $"{scope}&status=InProgress"));
        Assert.Equal([security, minor, urgent], await AllAsync(agent, "incidents", $"{scope}&status=New"));
        Assert.Equal([security], await AllAsync(agent, "incidents", $"{scope}&productLine=SEC"));
        Assert.Equal([worked, minor, urgent], await AllAsync(agent, "incidents", $"{scope}&productLine=OPS"));
        // Routing: OPS-INF goes to Infrastructure, SEC-OPS to Security Operations; the worked one was reassigned.
        Assert.Equal([minor, urgent], await AllAsync(agent, "incidents", $"{scope}&group=Infrastructure"));
        Assert.Equal([security], await AllAsync(agent, "incidents", $"{scope}&group=Security%20Operations"));
        Assert.Equal([worked], await AllAsync(agent, "incidents", $"{scope}&group=Data%20Center"));
        Assert.Equal([worked], await AllAsync(agent, "incidents", $"{scope}&assignee=li.wei"));
        Assert.Equal([urgent], await AllAsync(agent, "incidents", $"{scope}&breached=true"));
        Assert.Equal([worked, security, minor], await AllAsync(agent, "incidents", $"{scope}&breached=false"));
        Assert.Equal([security, minor], await AllAsync(agent, "incidents", $"{scope}&openedFrom={opened[minor]}&openedTo={opened[worked]}"));
        Assert.Equal([urgent], await AllAsync(agent, "incidents", $"{scope}&openedFrom={opened[urgent]}&openedTo={opened[minor]}"));
        Assert.Equal([worked], await AllAsync(agent, "incidents", $"{scope}&status=InProgress&assignee=li.wei&productLine=OPS&breached=false"));
        Assert.Empty(await AllAsync(agent, "incidents", $"{scope}&status=InProgress&productLine=SEC"));

        // A Customer key lists its own tickets, and nothing when it names another customer.
        using var customer = (await factory.CreateClientWithRolesAsync(customerId, "Customer")).Client;
        Assert.Equal([worked, security, minor, urgent], await AllAsync(customer, "incidents", string.Empty));
        Assert.Empty(await AllAsync(customer, "incidents", $"customerId={await _desk.CustomerAsync("GOLD")}"));
    }

    /// <summary>Raises a ticket a minute after the previous one (so that the order is by opening time) and returns its number.</summary>
    private async Task<string> RaiseAsync(HttpClient client, object body)
    {
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        return (await DeskDriver.RaiseAsync(client, body)).GetProperty("number").GetString()!;
    }

    /// <summary>Every page of a ticket list, two items at a time; the numbers in order.</summary>
    private static Task<IReadOnlyList<string>> AllAsync(HttpClient client, string route, string query) => client.AllNumbersAsync($"/api/v1/{route}", query);
}
