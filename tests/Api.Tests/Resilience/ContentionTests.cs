using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;

namespace ServiceDesk.Api.Tests.Resilience;

/// <summary>Writes without If-Match asked for no precondition: under contention they are applied, never a 412.</summary>
public sealed class ContentionTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    [Fact]
    public async Task Thirty_concurrent_writes_without_If_Match_on_one_ticket_are_all_applied()
    {
        var customer = await new DeskDriver(factory).CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var number = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer))).GetProperty("number").GetString();
        var url = $"/api/v1/incidents/{number}";

        // 20 comments (each numbered from the ticket's comment count) and 10 summary edits race on one ticket.
        var writes = Enumerable.Range(0, 30).Select(i => i % 3 == 2
            ? agent.PatchJsonAsync(url, new { summary = $"Core switch down (edit {i})" })
            : agent.PostJsonAsync(url + "/comments", new { body = $"Note {i}", visibility = "internal" })).ToList();
        var responses = await Task.WhenAll(writes);

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.DoesNotContain(412, statuses);
        Assert.Equal(20, statuses.Count(s => s == 201));
        Assert.Equal(10, statuses.Count(s => s == 200));

        var comments = await (await agent.GetAsync(url + "/comments?limit=200")).ReadJsonAsync();
        var bodies = comments.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("body").GetString()!).ToHashSet();
        Assert.Equal(Enumerable.Range(0, 30).Where(i => i % 3 != 2).Select(i => $"Note {i}").ToHashSet(), bodies);

        var ticket = await (await agent.GetAsync(url)).ReadJsonAsync();
        Assert.Matches("^Core switch down \\(edit [0-9]+\\)$", ticket.GetProperty("summary").GetString());
    }
}
