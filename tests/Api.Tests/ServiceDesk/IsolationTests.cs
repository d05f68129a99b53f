using System.Net;
using System.Net.Http.Json;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.ServiceDesk;

/// <summary>A Customer key never sees another customer's tickets, nor any internal note, through any route.</summary>
public sealed class IsolationTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private readonly DeskDriver _desk = new(factory);

    [Fact]
    public async Task Another_customers_ticket_is_404_on_every_route_and_absent_from_lists()
    {
        var mine = await _desk.CustomerAsync("GOLD");
        var theirs = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        using var customer = (await factory.CreateClientWithRolesAsync(mine, "Customer")).Client;
        var their = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(theirs, externalReference: "SHARED-REF"))).GetProperty("number").GetString();
        var own = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(mine, externalReference: "SHARED-REF"))).GetProperty("number").GetString();

        foreach (var path in new[] { "", "/comments", "/history", "/sla" })
            await (await customer.GetAsync($"/api/v1/incidents/{their}{path}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await customer.GetAsync($"/api/v1/service-desk/tickets/{their}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await customer.PostAsJsonAsync($"/api/v1/incidents/{their}/comments", new { body = "hello", visibility = "public" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await customer.PostAsJsonAsync($"/api/v1/incidents/{their}/reopen", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);

        var list = await (await customer.GetAsync($"/api/v1/incidents?customerId={theirs}")).ReadJsonAsync();
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        var byReference = await (await customer.GetAsync("/api/v1/service-desk/tickets?externalReference=SHARED-REF")).ReadJsonAsync();
        Assert.Equal([own!], byReference.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToList());
    }

    [Fact]
    public async Task A_customer_cannot_work_tickets_or_write_internal_notes()
    {
        var mine = await _desk.CustomerAsync("GOLD");
        using var customer = (await factory.CreateClientWithRolesAsync(mine, "Customer")).Client;
        var number = (await DeskDriver.RaiseAsync(customer, DeskDriver.Incident(mine))).GetProperty("number").GetString();
        var url = $"/api/v1/incidents/{number}";

        await (await customer.PostAsJsonAsync(url + "/assign", new { group = "Infrastructure" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.PostAsync(url + "/start", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.GetAsync("/api/v1/service-desk/queue")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.PostAsJsonAsync(url + "/comments", new { body = "secret", visibility = "internal" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, field: "visibility");
    }

    [Fact]
    public async Task The_queue_lists_open_tickets_soonest_breach_first()
    {
        var customerId = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var p4 = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "Low", urgency: "Low"))).GetProperty("number").GetString();
        var p1 = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "High", urgency: "High"))).GetProperty("number").GetString();

        var queue = await (await agent.GetAsync("/api/v1/service-desk/queue?group=Infrastructure&limit=200")).ReadJsonAsync();
        var order = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).ToList();

        Assert.True(order.IndexOf(p1) < order.IndexOf(p4), "the P1 breaches sooner than the P4");
        var dues = queue.GetProperty("items").EnumerateArray().Select(i => DeskDriver.Instant(i, "dueAt")).ToList();
        Assert.Equal(dues.Order().ToList(), dues);
    }
}
