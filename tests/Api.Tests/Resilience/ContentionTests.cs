using System.Net;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;

namespace ServiceDesk.Api.Tests.Resilience;

/// <summary>Writes without If-Match asked for no precondition: under contention they are applied (retried inside), or 409 write-contention, never a 412.</summary>
public sealed class ContentionTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    [Fact]
    public async Task Thirty_concurrent_writes_without_If_Match_on_one_ticket_are_applied_or_409_never_412()
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

        // Each write is applied, or (if it lost the race on every attempt) a 409 write-contention; never a 412.
        var outcomes = new List<(int Status, string? Type)>();
        foreach (var response in responses)
        {
            var status = (int)response.StatusCode;
            outcomes.Add((status, status >= 300 ? (await response.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString() : null));
        }

        Assert.All(outcomes, o => Assert.True(o.Status is 200 or 201 || o.Type!.EndsWith("/write-contention", StringComparison.Ordinal), $"{o.Status} {o.Type}"));
        var appliedComments = Enumerable.Range(0, 30).Where(i => i % 3 != 2 && outcomes[i].Status == 201).Select(i => $"Note {i}").ToHashSet();
        var appliedEdits = Enumerable.Range(0, 30).Where(i => i % 3 == 2 && outcomes[i].Status == 200).Select(i => $"Core switch down (edit {i})").ToHashSet();
        Assert.True(appliedComments.Count + appliedEdits.Count >= 15, $"{appliedComments.Count} comments and {appliedEdits.Count} edits applied");

        // What was acknowledged is exactly what is stored.
        var comments = await (await agent.GetAsync(url + "/comments?limit=200")).ReadJsonAsync();
        var bodies = comments.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("body").GetString()!).ToHashSet();
        Assert.Equal(appliedComments, bodies);

        var ticket = await (await agent.GetAsync(url)).ReadJsonAsync();
        if (appliedEdits.Count > 0)
            Assert.Contains(ticket.GetProperty("summary").GetString()!, appliedEdits);
    }
}
