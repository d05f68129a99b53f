using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Changes;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Changes.ChangeFixtures;

namespace ServiceDesk.Api.Tests.Problems;

/// <summary>Linking incidents to problems over HTTP: the incident shows the problem and its workaround; customers see it on their own incidents only.</summary>
public sealed class ProblemLinkTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static async Task<string> InvestigatingAsync(HttpClient agent)
    {
        var created = await (await agent.PostJsonAsync(ProblemsRoute, new { summary = "Relay drops", description = "Mail stalls." })).ReadJsonAsync(HttpStatusCode.Created);
        var number = created.GetProperty("number").GetString()!;
        await (await agent.PostJsonAsync($"{ProblemsRoute}/{number}/investigate", null)).ReadJsonAsync();
        return number;
    }

    private static async Task<JsonElement> IncidentAsync(HttpClient client, string number) =>
        await (await client.GetAsync($"/api/v1/incidents/{number}")).ReadJsonAsync();

    [Fact]
    public async Task A_linked_incident_shows_the_problem_and_its_workaround_once_recorded()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var incident = await factory.SeedIncidentAsync(customer);
        var problem = await InvestigatingAsync(staff.Agent);
        var incidentTag = (await staff.Agent.GetAsync($"/api/v1/incidents/{incident}")).ETag();

        var linked = await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/incidents", new { incidentNumber = incident })).ReadJsonAsync();

        Assert.Equal([incident], linked.Strings("incidents"));
        Assert.Equal(1, linked.GetProperty("incidentCount").GetInt32());
        var before = await staff.Agent.GetAsync($"/api/v1/incidents/{incident}");
        var shown = await before.ReadJsonAsync();
        Assert.Equal(problem, shown.GetProperty("problemNumber").GetString());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("workaround").ValueKind);
        Assert.NotEqual(incidentTag, before.ETag());

        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/known-error", new { rootCause = "Pool capped at 50.", workaround = "Restart the relay service." })).ReadJsonAsync();

        var after = await staff.Agent.GetAsync($"/api/v1/incidents/{incident}");
        Assert.Equal("Restart the relay service.", (await after.ReadJsonAsync()).GetProperty("workaround").GetString());
        Assert.NotEqual(before.ETag(), after.ETag());

        await (await staff.Agent.PatchJsonAsync($"{ProblemsRoute}/{problem}", new { workaround = "Raise the pool size to 200." })).ReadJsonAsync();
        Assert.Equal("Raise the pool size to 200.", (await IncidentAsync(staff.Agent, incident)).GetProperty("workaround").GetString());
    }

    [Fact]
    public async Task An_incident_linked_to_a_known_error_shows_its_workaround_at_once_and_unlinking_removes_it()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var incident = await factory.SeedIncidentAsync(customer);
        var problem = await InvestigatingAsync(staff.Agent);
        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/known-error", new { rootCause = "Pool.", workaround = "Restart the relay." })).ReadJsonAsync();

        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/incidents", new { incidentNumber = incident })).ReadJsonAsync();
        Assert.Equal("Restart the relay.", (await IncidentAsync(staff.Agent, incident)).GetProperty("workaround").GetString());

        var unlinked = await staff.Agent.DeleteAsync($"{ProblemsRoute}/{problem}/incidents/{incident}");
        var afterUnlink = await unlinked.ReadJsonAsync();
        unlinked.ETag();
        Assert.Empty(afterUnlink.Strings("incidents"));
        var shown = await IncidentAsync(staff.Agent, incident);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("problemNumber").ValueKind);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("workaround").ValueKind);
        await (await staff.Agent.DeleteAsync($"{ProblemsRoute}/{problem}/incidents/{incident}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_incident_belongs_to_one_problem_at_a_time()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var incident = await factory.SeedIncidentAsync(customer);
        var first = await InvestigatingAsync(staff.Agent);
        var second = await InvestigatingAsync(staff.Agent);
        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{first}/incidents", new { incidentNumber = incident })).ReadJsonAsync();

        var response = await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{second}/incidents", new { incidentNumber = incident });

        var refusal = await response.AssertProblemAsync(HttpStatusCode.Conflict, "incidentNumber", "/incident-already-linked");
        Assert.Contains(first, refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var problem = await (await staff.Agent.GetAsync($"{ProblemsRoute}/{second}")).ReadJsonAsync();
        Assert.Equal(0, problem.GetProperty("incidentCount").GetInt32());
    }

    [Fact]
    public async Task Linking_names_an_existing_incident()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var problem = await InvestigatingAsync(staff.Agent);

        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/incidents", new { incidentNumber = "INC999999" })).AssertProblemAsync(HttpStatusCode.BadRequest, "incidentNumber");
        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/incidents", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "incidentNumber");
    }

    [Fact]
    public async Task A_resolved_problem_takes_no_more_incidents()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var incident = await factory.SeedIncidentAsync(customer);
        var problem = await InvestigatingAsync(staff.Agent);
        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/known-error", new { rootCause = "Pool.", workaround = "Restart." })).ReadJsonAsync();
        var change = await ImplementedChangeAsync(staff.Agent, staff.Approver, Day(19, 1));
        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/resolve", new { changeNumber = change })).ReadJsonAsync();

        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/incidents", new { incidentNumber = incident })).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/illegal-transition");
    }

    [Fact]
    public async Task Linking_takes_the_If_Match_of_the_problem()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var incident = await factory.SeedIncidentAsync(customer);
        var problem = await InvestigatingAsync(staff.Agent);

        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/incidents", new { incidentNumber = incident }, "\"1\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(JsonValueKind.Null, (await IncidentAsync(staff.Agent, incident)).GetProperty("problemNumber").ValueKind);
    }

    [Fact]
    public async Task A_customer_sees_the_workaround_on_its_own_incident_and_gets_404_for_another_customer_s()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var acme = await factory.SeedCustomerAsync();
        var globex = await factory.SeedCustomerAsync();
        var acmeIncident = await factory.SeedIncidentAsync(acme);
        var globexIncident = await factory.SeedIncidentAsync(globex);
        var problem = await InvestigatingAsync(staff.Agent);
        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/incidents", new { incidentNumber = acmeIncident })).ReadJsonAsync();
        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/incidents", new { incidentNumber = globexIncident })).ReadJsonAsync();
        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/known-error", new { rootCause = "Pool.", workaround = "Restart the relay." })).ReadJsonAsync();
        var (customer, _, _) = await factory.CreateClientWithRolesAsync(acme, "Customer");
        using (customer)
        {
            var own = await IncidentAsync(customer, acmeIncident);
            Assert.Equal(problem, own.GetProperty("problemNumber").GetString());
            Assert.Equal("Restart the relay.", own.GetProperty("workaround").GetString());
            await (await customer.GetAsync($"/api/v1/incidents/{globexIncident}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await customer.GetAsync($"{ProblemsRoute}/{problem}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }
}
