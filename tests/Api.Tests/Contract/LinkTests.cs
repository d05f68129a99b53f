using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;

namespace ServiceDesk.Api.Tests.Contract;

/// <summary>
/// Links that work: the intake's 201 and the desk lookup carry the ticket's ETag, a new comment's Location resolves,
/// a Customer follows the link the intake gives it to its own change, and history keeps the state and the note apart.
/// </summary>
public sealed class LinkTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private readonly DeskDriver _desk = new(factory);

    [Fact]
    public async Task The_intake_and_the_desk_lookup_carry_the_tickets_ETag()
    {
        var customer = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;

        var raised = await agent.PostJsonAsync("/api/v1/service-desk/tickets", DeskDriver.Incident(customer));
        var number = (await raised.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("number").GetString();
        var incident = await agent.GetAsync($"/api/v1/incidents/{number}");
        var desk = await agent.GetAsync($"/api/v1/service-desk/tickets/{number}");

        // A new ticket is at version 1; the three views of it agree.
        Assert.Equal("\"1\"", raised.ETag());
        Assert.Equal("\"1\"", incident.ETag());
        Assert.Equal("\"1\"", desk.ETag());
        Assert.Equal(HttpStatusCode.NotModified, (await agent.GetIfNoneMatchAsync($"/api/v1/service-desk/tickets/{number}", "\"1\"")).StatusCode);

        // The ETag of the 201 is good for a conditional action straight away; afterwards the desk shows the new one.
        await (await agent.PostJsonAsync($"/api/v1/incidents/{number}/assign", new { group = "Infrastructure", assignee = "li.wei" }, ifMatch: raised.ETag())).ReadJsonAsync();
        var after = await agent.GetAsync($"/api/v1/service-desk/tickets/{number}");
        Assert.Equal("\"2\"", after.ETag());
        Assert.Equal("Assigned", (await after.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_created_comments_Location_resolves_and_customers_do_not_see_internal_ones()
    {
        var customerId = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        using var customer = (await factory.CreateClientWithRolesAsync(customerId, "Customer")).Client;
        var number = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId))).GetProperty("number").GetString();

        var publicReply = await agent.PostJsonAsync($"/api/v1/incidents/{number}/comments", new { body = "Part ordered.", visibility = "public" });
        var created = await publicReply.ReadJsonAsync(HttpStatusCode.Created);
        var internalNote = await agent.PostJsonAsync($"/api/v1/incidents/{number}/comments", new { body = "Vendor is slow.", visibility = "internal" });
        await internalNote.ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/incidents/{number}/comments/1", publicReply.Headers.Location?.OriginalString);
        Assert.Equal($"/api/v1/incidents/{number}/comments/2", internalNote.Headers.Location?.OriginalString);
        var fetched = await (await agent.GetAsync(publicReply.Headers.Location)).ReadJsonAsync();
        Assert.Equal(created.GetRawText(), fetched.GetRawText());
        Assert.Equal("Part ordered.", (await (await customer.GetAsync(publicReply.Headers.Location)).ReadJsonAsync()).GetProperty("body").GetString());
        await (await customer.GetAsync(internalNote.Headers.Location)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync($"/api/v1/incidents/{number}/comments/3")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_customer_reads_its_own_changes_and_no_one_elses()
    {
        var acme = await _desk.CustomerAsync("GOLD");
        var globex = await _desk.CustomerAsync("SILVER");
        using var acmeClient = (await factory.CreateClientWithRolesAsync(acme, "Customer")).Client;
        using var globexClient = (await factory.CreateClientWithRolesAsync(globex, "Customer")).Client;

        var response = await acmeClient.PostJsonAsync("/api/v1/service-desk/tickets", DeskDriver.Incident(acme, type: "changeRequest"));
        var raised = await response.ReadJsonAsync(HttpStatusCode.Created);
        var self = raised.GetProperty("links").GetProperty("self").GetString();
        var number = raised.GetProperty("number").GetString();

        var change = await acmeClient.GetAsync(self);
        Assert.Equal(number, (await change.ReadJsonAsync()).GetProperty("number").GetString());
        Assert.Equal(response.ETag(), change.ETag());
        await (await globexClient.GetAsync(self)).AssertProblemAsync(HttpStatusCode.NotFound);

        var acmeList = await (await acmeClient.GetAsync("/api/v1/changes")).ReadJsonAsync();
        Assert.Equal([number], acmeList.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("number").GetString()));
        var globexList = await (await globexClient.GetAsync($"/api/v1/changes?customerId={acme}")).ReadJsonAsync();
        Assert.Equal(0, globexList.GetProperty("items").GetArrayLength());

        // Read-only: the customer works nothing on it.
        Assert.Equal(HttpStatusCode.Forbidden, (await acmeClient.PatchJsonAsync(self!, new { risk = "Low" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await acmeClient.PostJsonAsync($"{self}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await acmeClient.GetAsync($"{self}/history")).StatusCode);
    }

    [Fact]
    public async Task History_keeps_the_new_state_in_newValue_and_the_note_apart()
    {
        var customer = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var number = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer))).GetProperty("number").GetString();
        var url = $"/api/v1/incidents/{number}";
        await (await agent.PostJsonAsync($"{url}/assign", new { group = "Infrastructure", assignee = "li.wei" })).ReadJsonAsync();
        await (await agent.PostJsonAsync($"{url}/start", null)).ReadJsonAsync();
        await (await agent.PostJsonAsync($"{url}/hold", new { reason = "Waiting for the spare part" })).ReadJsonAsync();

        var history = await (await agent.GetAsync($"{url}/history")).ReadJsonAsync();
        var statuses = history.GetProperty("items").EnumerateArray().Where(h => h.GetProperty("action").GetString() == "status")
            .Select(h => (h.GetProperty("oldValue").GetString(), h.GetProperty("newValue").GetString(), Note(h))).ToList();

        Assert.Equal(
            [
                ("New", "Assigned", null),
                ("Assigned", "InProgress", null),
                ("InProgress", "OnHold", "Waiting for the spare part"),
            ],
            statuses);
    }

    private static string? Note(JsonElement entry) =>
        entry.TryGetProperty("note", out var note) ? note.GetString() : throw new Xunit.Sdk.XunitException($"history entry without a note property: {entry}");
}
