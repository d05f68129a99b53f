using System.Net;
using System.Net.Http.Json;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;

namespace ServiceDesk.Api.Tests.Incidents;

/// <summary>An incident from intake to closure with a hold in the middle, checking every due time on the way.</summary>
public sealed class IncidentLifecycleTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private readonly DeskDriver _desk = new(factory);

    [Fact]
    public async Task An_incident_is_raised_worked_held_resolved_and_closed_with_exact_clocks()
    {
        // Tuesday 2026-11-24 09:00 Asia/Shanghai; GOLD = 7X12-CN (08:00-20:00 daily); P2 = 60 / 720 minutes.
        // The only test of this class: it moves its host's clock forward.
        var customerId = await _desk.CustomerAsync("GOLD");
        var (agent, _, _) = await factory.CreateClientWithRolesAsync(null, "Agent");
        var (customer, _, _) = await factory.CreateClientWithRolesAsync(customerId, "Customer");
        using var agentClient = agent;
        using var customerClient = customer;

        var raised = await DeskDriver.RaiseAsync(customer, DeskDriver.Incident(customerId));
        var number = raised.GetProperty("number").GetString()!;
        var url = $"/api/v1/incidents/{number}";
        Assert.Equal(At("2026-11-24T02:00Z"), DeskDriver.Instant(raised, "responseDueAt"));
        Assert.Equal(At("2026-11-25T01:00Z"), DeskDriver.Instant(raised, "resolutionDueAt"));

        factory.Clock.SetUtcNow(At("2026-11-24T01:10Z"));
        var assigned = await Act(agent, url + "/assign", new { group = "Infrastructure", assignee = "li.wei" });
        Assert.Equal("Assigned", assigned.GetProperty("status").GetString());

        factory.Clock.SetUtcNow(At("2026-11-24T01:20Z"));
        var started = await Act(agent, url + "/start", null);
        Assert.Equal("InProgress", started.GetProperty("status").GetString());
        var sla = await Sla(agent, url);
        Assert.Equal("Met", sla.GetProperty("response").GetProperty("state").GetString());
        Assert.Equal(20, sla.GetProperty("response").GetProperty("elapsedMinutes").GetInt32());

        // 10:00 on hold until 13:00: three business hours paused push the resolution due time three hours later.
        factory.Clock.SetUtcNow(At("2026-11-24T02:00Z"));
        var held = await Act(agent, url + "/hold", new { reason = "Waiting for the spare part" });
        Assert.Equal("OnHold", held.GetProperty("status").GetString());
        factory.Clock.SetUtcNow(At("2026-11-24T04:00Z"));
        sla = await Sla(agent, url);
        Assert.Equal("Paused", sla.GetProperty("resolution").GetProperty("state").GetString());
        Assert.Equal(60, sla.GetProperty("resolution").GetProperty("elapsedMinutes").GetInt32());
        Assert.Equal(120, sla.GetProperty("resolution").GetProperty("pausedMinutes").GetInt32());

        factory.Clock.SetUtcNow(At("2026-11-24T05:00Z"));
        var resumed = await Act(agent, url + "/resume", null);
        Assert.Equal("InProgress", resumed.GetProperty("status").GetString());
        Assert.Equal(At("2026-11-25T04:00Z"), DeskDriver.Instant(resumed, "resolutionDueAt"));
        sla = await Sla(agent, url);
        Assert.Equal(180, sla.GetProperty("resolution").GetProperty("pausedMinutes").GetInt32());
        Assert.Equal(At("2026-11-25T04:00Z"), DeskDriver.Instant(sla.GetProperty("resolution"), "dueAt"));

        factory.Clock.SetUtcNow(At("2026-11-24T06:00Z"));
        (await agent.PostAsJsonAsync(url + "/comments", new { body = "Part replaced, monitoring.", visibility = "public" })).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync(url + "/comments", new { body = "Vendor case 12345.", visibility = "internal" })).EnsureSuccessStatusCode();

        factory.Clock.SetUtcNow(At("2026-11-24T07:00Z"));
        var resolved = await Act(agent, url + "/resolve", new { resolutionCode = "Fixed", notes = "Replaced the line card." });
        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
        sla = await Sla(agent, url);
        Assert.Equal("Met", sla.GetProperty("resolution").GetProperty("state").GetString());
        Assert.Equal(180, sla.GetProperty("resolution").GetProperty("elapsedMinutes").GetInt32());

        var closed = await Act(customer, url + "/close", null);
        Assert.Equal("Closed", closed.GetProperty("status").GetString());

        var history = await (await agent.GetAsync(url + "/history?limit=200")).ReadJsonAsync();
        var statuses = history.GetProperty("items").EnumerateArray()
            .Where(h => h.GetProperty("field").GetString() == "status")
            .Select(h => h.GetProperty("newValue").GetString()!.Split(' ')[0])
            .ToList();
        Assert.Equal(["New", "Assigned", "InProgress", "OnHold", "InProgress", "Resolved", "Closed"], statuses);

        // The customer sees its public comment, never the internal note, in comments or history.
        var comments = await (await customer.GetAsync(url + "/comments")).ReadJsonAsync();
        Assert.Single(comments.GetProperty("items").EnumerateArray());
        var customerHistory = await (await customer.GetAsync(url + "/history?limit=200")).ReadJsonAsync();
        Assert.DoesNotContain(customerHistory.GetProperty("items").EnumerateArray(), h => h.GetProperty("newValue").GetString() == "internal");
    }

    private static async Task<System.Text.Json.JsonElement> Act(HttpClient client, string url, object? body)
    {
        var response = body is null ? await client.PostAsync(url, null) : await client.PostAsJsonAsync(url, body);
        return await response.ReadJsonAsync();
    }

    private static async Task<System.Text.Json.JsonElement> Sla(HttpClient client, string url) =>
        await (await client.GetAsync(url + "/sla")).ReadJsonAsync();

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Rules of ticket work over HTTP; the clock of this class's host never moves.</summary>
public sealed class IncidentRuleTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private readonly DeskDriver _desk = new(factory);

    [Fact]
    public async Task Illegal_moves_are_409_naming_the_current_state_and_stale_etags_412()
    {
        var customerId = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var number = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId))).GetProperty("number").GetString();
        var url = $"/api/v1/incidents/{number}";

        var problem = await (await agent.PostAsync(url + "/resolve", JsonContent.Create(new { resolutionCode = "Fixed", notes = "x" })))
            .AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "illegal-transition");
        Assert.Contains("New", problem.GetProperty("detail").GetString());

        var read = await agent.GetAsync(url);
        var etag = read.Headers.ETag!.Tag;
        (await agent.SendJsonAsync(HttpMethod.Post, url + "/assign", new { group = "Infrastructure" }, ifMatch: etag)).EnsureSuccessStatusCode();
        var stale = await agent.SendJsonAsync(HttpMethod.Post, url + "/assign", new { group = "Service Desk" }, ifMatch: etag);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var unknownGroup = await agent.PostAsJsonAsync(url + "/assign", new { group = "Nobody" });
        await unknownGroup.AssertProblemAsync(HttpStatusCode.BadRequest, field: "group");
    }

    [Fact]
    public async Task Commenting_on_a_closed_incident_is_409_illegal_transition()
    {
        var customerId = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        using var customer = (await factory.CreateClientWithRolesAsync(customerId, "Customer")).Client;
        var number = (await DeskDriver.RaiseAsync(customer, DeskDriver.Incident(customerId))).GetProperty("number").GetString();
        var url = $"/api/v1/incidents/{number}";
        (await agent.PostAsJsonAsync(url + "/assign", new { group = "Infrastructure" })).EnsureSuccessStatusCode();
        (await agent.PostAsync(url + "/start", null)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync(url + "/resolve", new { resolutionCode = "Fixed", notes = "Replaced the line card." })).EnsureSuccessStatusCode();
        (await customer.PostAsync(url + "/close", null)).EnsureSuccessStatusCode();

        var refused = await customer.PostAsJsonAsync(url + "/comments", new { body = "It is down again.", visibility = "public" });

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "illegal-transition");
        Assert.Contains("Closed", problem.GetProperty("detail").GetString());
        var comments = await (await agent.GetAsync(url + "/comments")).ReadJsonAsync();
        Assert.Empty(comments.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Cancelling_stops_the_clocks_with_no_outcome_and_the_sla_shows_them_cancelled()
    {
        var customerId = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var fresh = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId))).GetProperty("number").GetString();
        var worked = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId))).GetProperty("number").GetString();
        (await agent.PostAsJsonAsync($"/api/v1/incidents/{worked}/assign", new { group = "Infrastructure" })).EnsureSuccessStatusCode();
        (await agent.PostAsync($"/api/v1/incidents/{worked}/start", null)).EnsureSuccessStatusCode();

        foreach (var number in new[] { fresh, worked })
        {
            var cancelled = await (await agent.PostAsJsonAsync($"/api/v1/incidents/{number}/cancel", new { reason = "Raised in error" })).ReadJsonAsync();
            Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        }

        var freshSla = await (await agent.GetAsync($"/api/v1/incidents/{fresh}/sla")).ReadJsonAsync();
        Assert.Equal("Cancelled", freshSla.GetProperty("response").GetProperty("state").GetString());
        Assert.Equal("Cancelled", freshSla.GetProperty("resolution").GetProperty("state").GetString());

        // Work started (the first response) before the cancel: the response clock keeps its outcome.
        var workedSla = await (await agent.GetAsync($"/api/v1/incidents/{worked}/sla")).ReadJsonAsync();
        Assert.Equal("Met", workedSla.GetProperty("response").GetProperty("state").GetString());
        Assert.Equal("Cancelled", workedSla.GetProperty("resolution").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Raising_the_impact_reprioritises_and_retargets_the_clocks()
    {
        var customerId = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var number = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "Low", urgency: "Low"))).GetProperty("number").GetString();
        var url = $"/api/v1/incidents/{number}";

        var patched = await (await agent.SendJsonAsync(HttpMethod.Patch, url, new { impact = "High", urgency = "High" }, mediaType: "application/merge-patch+json")).ReadJsonAsync();

        // P4 -> P1 on GOLD: response 30 minutes, resolution 360, from the same start (09:00).
        Assert.Equal("P1", patched.GetProperty("priority").GetString());
        Assert.Equal(At("2026-11-24T01:30Z"), DeskDriver.Instant(patched, "responseDueAt"));
        Assert.Equal(At("2026-11-24T07:00Z"), DeskDriver.Instant(patched, "resolutionDueAt"));
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
