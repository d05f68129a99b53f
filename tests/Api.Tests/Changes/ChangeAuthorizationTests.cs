using System.Net;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Changes.ChangeFixtures;

namespace ServiceDesk.Api.Tests.Changes;

/// <summary>
/// Who may do what with changes and freezes: Agent (and Manager) write and work changes, ChangeApprover decides,
/// Manager declares freezes, all three read; a Customer key gets 403 everywhere except reading its own changes; no key is 401.
/// </summary>
public sealed class ChangeAuthorizationTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    public static TheoryData<string, string> EveryRoute => new()
    {
        { "POST", "/api/v1/changes" },
        { "GET", "/api/v1/changes/conflicts?productCode=OPS-INF-03&start=2026-12-01T00:00:00Z&end=2026-12-02T00:00:00Z" },
        { "PATCH", "/api/v1/changes/{number}" },
        { "GET", "/api/v1/changes/{number}/history" },
        { "POST", "/api/v1/changes/{number}/submit" },
        { "POST", "/api/v1/changes/{number}/approve" },
        { "POST", "/api/v1/changes/{number}/reject" },
        { "POST", "/api/v1/changes/{number}/schedule" },
        { "POST", "/api/v1/changes/{number}/start" },
        { "POST", "/api/v1/changes/{number}/complete" },
        { "POST", "/api/v1/changes/{number}/review" },
        { "POST", "/api/v1/changes/{number}/close" },
        { "POST", "/api/v1/changes/{number}/cancel" },
        { "POST", "/api/v1/changes/{number}/fixes" },
        { "DELETE", "/api/v1/changes/{number}/fixes/INC000001" },
        { "GET", "/api/v1/freeze-periods" },
        { "POST", "/api/v1/freeze-periods" },
        { "DELETE", "/api/v1/freeze-periods/019abcde-0000-7000-8000-000000000001" },
        { "POST", "/api/v1/incidents/INC000001/caused-by" },
        { "DELETE", "/api/v1/incidents/INC000001/caused-by" },
    };

    /// <summary>What a Customer key may read too (its own customer's changes only; see Contract/LinkTests).</summary>
    public static TheoryData<string, string> ReadableByCustomers => new()
    {
        { "GET", "/api/v1/changes" },
        { "GET", "/api/v1/changes/{number}" },
    };

    /// <summary>Writes (and the approver's decisions) each role is refused: the role's key gets 403 before anything is read.</summary>
    public static TheoryData<string, string, string> RefusedByRole => new()
    {
        { "ChangeApprover", "POST", "/api/v1/changes" },
        { "ChangeApprover", "PATCH", "/api/v1/changes/{number}" },
        { "ChangeApprover", "POST", "/api/v1/changes/{number}/submit" },
        { "ChangeApprover", "POST", "/api/v1/changes/{number}/schedule" },
        { "ChangeApprover", "POST", "/api/v1/changes/{number}/cancel" },
        { "ChangeApprover", "POST", "/api/v1/freeze-periods" },
        { "ChangeApprover", "POST", "/api/v1/incidents/INC000001/caused-by" },
        { "Agent", "POST", "/api/v1/changes/{number}/approve" },
        { "Agent", "POST", "/api/v1/changes/{number}/reject" },
        { "Agent", "POST", "/api/v1/freeze-periods" },
        { "Agent", "DELETE", "/api/v1/freeze-periods/019abcde-0000-7000-8000-000000000001" },
        { "Manager", "POST", "/api/v1/changes/{number}/approve" },
        { "Admin", "POST", "/api/v1/changes/{number}/approve" },
    };

    private static object? BodyFor(string method, string url) => (method, url) switch
    {
        ("POST", "/api/v1/changes") => ChangeBody(),
        ("POST", "/api/v1/freeze-periods") => new { name = "Year-end", start = "2026-12-24T00:00:00Z", end = "2027-01-04T00:00:00Z" },
        ("PATCH", _) => new { summary = "x" },
        (_, var u) when u.EndsWith("/approve", StringComparison.Ordinal) || u.EndsWith("/reject", StringComparison.Ordinal) => new { comment = "x" },
        (_, var u) when u.EndsWith("/schedule", StringComparison.Ordinal) => new { plannedStart = "2026-12-01T00:00:00Z", plannedEnd = "2026-12-01T01:00:00Z" },
        (_, var u) when u.EndsWith("/review", StringComparison.Ordinal) => new { outcome = "Successful", notes = "x" },
        (_, var u) when u.EndsWith("/fixes", StringComparison.Ordinal) => new { incidentNumber = "INC000001" },
        (_, var u) when u.EndsWith("/caused-by", StringComparison.Ordinal) && method == "POST" => new { changeNumber = "CHG000001" },
        _ => null,
    };

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string url) =>
        client.SendJsonAsync(new HttpMethod(method), url, BodyFor(method, url), mediaType: method == "PATCH" ? "application/merge-patch+json" : "application/json");

    private async Task<string> DraftNumberAsync()
    {
        var (agent, _, _) = await factory.CreateClientWithRolesAsync(null, "Agent");
        using (agent)
            return (await agent.CreateChangeAsync()).GetProperty("number").GetString()!;
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task A_Customer_key_gets_403_on_every_change_and_freeze_route(string method, string route)
    {
        var customerId = await factory.SeedCustomerAsync();
        var url = route.Replace("{number}", await DraftNumberAsync(), StringComparison.Ordinal);
        var (customer, _, _) = await factory.CreateClientWithRolesAsync(customerId, "Customer");
        using (customer)
            await (await Send(customer, method, url)).AssertProblemAsync(HttpStatusCode.Forbidden, typeEndsWith: "/forbidden");
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    [MemberData(nameof(ReadableByCustomers))]
    public async Task No_key_is_401_on_every_change_and_freeze_route(string method, string route)
    {
        using var anonymous = factory.CreateClient(apiKey: null);
        await (await Send(anonymous, method, route.Replace("{number}", "CHG000001", StringComparison.Ordinal))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(RefusedByRole))]
    public async Task A_role_without_the_right_gets_403(string role, string method, string route)
    {
        var url = route.Replace("{number}", await DraftNumberAsync(), StringComparison.Ordinal);
        var (client, _, _) = await factory.CreateClientWithRolesAsync(null, role);
        using (client)
            await (await Send(client, method, url)).AssertProblemAsync(HttpStatusCode.Forbidden, typeEndsWith: "/forbidden");
    }

    [Theory]
    [InlineData("Agent")]
    [InlineData("Manager")]
    [InlineData("ChangeApprover")]
    public async Task Agents_managers_and_change_approvers_read_changes_conflicts_and_freezes(string role)
    {
        var number = await DraftNumberAsync();
        var (client, _, _) = await factory.CreateClientWithRolesAsync(null, role);
        using (client)
        {
            await (await client.GetAsync(ChangesRoute)).ReadJsonAsync();
            await (await client.GetAsync($"{ChangesRoute}/{number}")).ReadJsonAsync();
            await (await client.GetAsync($"{ChangesRoute}/{number}/history")).ReadJsonAsync();
            await (await client.GetAsync($"{ChangesRoute}/conflicts?productCode=OPS-INF-03&start=2026-12-01T00:00:00Z&end=2026-12-02T00:00:00Z")).ReadJsonAsync();
            await (await client.GetAsync(FreezesRoute)).ReadJsonAsync();
        }
    }

    [Fact]
    public async Task A_Manager_works_changes_too()
    {
        var (manager, _, _) = await factory.CreateClientWithRolesAsync(null, "Manager");
        using (manager)
        {
            var number = (await manager.CreateChangeAsync()).GetProperty("number").GetString()!;
            Assert.Equal("Submitted", (await manager.ActAsync(number, "submit")).GetProperty("status").GetString());
        }
    }
}
