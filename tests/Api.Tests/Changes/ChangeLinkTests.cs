using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Changes.ChangeFixtures;

namespace ServiceDesk.Api.Tests.Changes;

/// <summary>
/// A change lists the incidents and problems it fixes; an incident names the change that caused it
/// (<c>POST /incidents/{number}/caused-by</c>) and the change lists it in <c>causedIncidents</c>.
/// </summary>
public sealed class ChangeLinkTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    [Fact]
    public async Task A_change_lists_the_incidents_and_problems_it_fixes()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var incident = await factory.SeedIncidentAsync(customer);
        var problem = (await (await staff.Agent.PostJsonAsync(ProblemsRoute, new { summary = "Relay drops", description = "Mail stalls." })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("number").GetString()!;
        var number = (await staff.Agent.CreateChangeAsync(ChangeBody(customerId: customer))).GetProperty("number").GetString()!;

        await staff.Agent.ActAsync(number, "fixes", new { incidentNumber = incident });
        var change = await staff.Agent.ActAsync(number, "fixes", new { problemNumber = problem });

        Assert.Equal([incident], change.Strings("fixesIncidents"));
        Assert.Equal([problem], change.Strings("fixesProblems"));

        var removed = await staff.Agent.SendJsonAsync(HttpMethod.Delete, $"{ChangesRoute}/{number}/fixes/{incident}", null);
        Assert.Empty((await removed.ReadJsonAsync()).Strings("fixesIncidents"));
        removed.ETag();
        await (await staff.Agent.DeleteAsync($"{ChangesRoute}/{number}/fixes/{incident}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{}", "incidentNumber")]
    [InlineData("{\"incidentNumber\":\"INC999999\"}", "incidentNumber")]
    [InlineData("{\"problemNumber\":\"PRB999999\"}", "problemNumber")]
    [InlineData("{\"incidentNumber\":\"INC000001\",\"problemNumber\":\"PRB000001\"}", "problemNumber")]
    public async Task A_fix_names_exactly_one_existing_incident_or_problem(string body, string field)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = (await staff.Agent.CreateChangeAsync()).GetProperty("number").GetString()!;

        await (await staff.Agent.SendRawAsync(HttpMethod.Post, $"{ChangesRoute}/{number}/fixes", body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_incident_names_the_change_that_caused_it_and_the_change_shows_the_incident()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var incident = await factory.SeedIncidentAsync(customer);
        var change = await ImplementedChangeAsync(staff.Agent, staff.Approver, Day(15, 1), ChangeBody(customerId: customer));
        var before = await staff.Agent.GetAsync($"{ChangesRoute}/{change}");
        await before.ReadJsonAsync();

        var response = await staff.Agent.PostJsonAsync($"/api/v1/incidents/{incident}/caused-by", new { changeNumber = change });

        var updated = await response.ReadJsonAsync();
        response.ETag();
        Assert.Equal(change, updated.GetProperty("causedByChange").GetString());
        var read = await staff.Agent.GetAsync($"{ChangesRoute}/{change}");
        Assert.Equal([incident], (await read.ReadJsonAsync()).Strings("causedIncidents"));
        Assert.NotEqual(before.ETag(), read.ETag());
        var incidentRead = await (await staff.Agent.GetAsync($"/api/v1/incidents/{incident}")).ReadJsonAsync();
        Assert.Equal(change, incidentRead.GetProperty("causedByChange").GetString());
        var history = await (await staff.Agent.GetAsync($"/api/v1/incidents/{incident}/history")).ReadJsonAsync();
        Assert.Contains(history.GetProperty("items").EnumerateArray(), h => h.GetProperty("action").GetString() == "caused-by");
    }

    [Fact]
    public async Task Naming_another_change_moves_the_incident_from_the_first_change_to_the_second_and_clearing_forgets_it()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var incident = await factory.SeedIncidentAsync(customer);
        var first = await ImplementedChangeAsync(staff.Agent, staff.Approver, Day(16, 1), ChangeBody(customerId: customer));
        var second = await ImplementedChangeAsync(staff.Agent, staff.Approver, Day(16, 3), ChangeBody(customerId: customer));
        await (await staff.Agent.PostJsonAsync($"/api/v1/incidents/{incident}/caused-by", new { changeNumber = first })).ReadJsonAsync();

        await (await staff.Agent.PostJsonAsync($"/api/v1/incidents/{incident}/caused-by", new { changeNumber = second })).ReadJsonAsync();

        Assert.Empty((await (await staff.Agent.GetAsync($"{ChangesRoute}/{first}")).ReadJsonAsync()).Strings("causedIncidents"));
        Assert.Equal([incident], (await (await staff.Agent.GetAsync($"{ChangesRoute}/{second}")).ReadJsonAsync()).Strings("causedIncidents"));

        var cleared = await (await staff.Agent.DeleteAsync($"/api/v1/incidents/{incident}/caused-by")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("causedByChange").ValueKind);
        Assert.Empty((await (await staff.Agent.GetAsync($"{ChangesRoute}/{second}")).ReadJsonAsync()).Strings("causedIncidents"));
        await (await staff.Agent.DeleteAsync($"/api/v1/incidents/{incident}/caused-by")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_change_that_was_never_carried_out_cannot_have_caused_an_incident()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var incident = await factory.SeedIncidentAsync(customer);
        var draft = (await staff.Agent.CreateChangeAsync()).GetProperty("number").GetString()!;

        var response = await staff.Agent.PostJsonAsync($"/api/v1/incidents/{incident}/caused-by", new { changeNumber = draft });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "changeNumber", "/change-not-implemented");
    }

    [Fact]
    public async Task Caused_by_names_an_existing_change_of_an_existing_incident()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var incident = await factory.SeedIncidentAsync(customer);

        await (await staff.Agent.PostJsonAsync($"/api/v1/incidents/{incident}/caused-by", new { changeNumber = "CHG999999" })).AssertProblemAsync(HttpStatusCode.BadRequest, "changeNumber");
        await (await staff.Agent.PostJsonAsync($"/api/v1/incidents/{incident}/caused-by", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "changeNumber");
        await (await staff.Agent.PostJsonAsync("/api/v1/incidents/INC999999/caused-by", new { changeNumber = "CHG000001" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Caused_by_takes_the_If_Match_of_the_incident()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var incident = await factory.SeedIncidentAsync(customer);
        var change = await ImplementedChangeAsync(staff.Agent, staff.Approver, Day(17, 1), ChangeBody(customerId: customer));

        await (await staff.Agent.PostJsonAsync($"/api/v1/incidents/{incident}/caused-by", new { changeNumber = change }, "\"99\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_customer_sees_the_causing_change_on_its_own_incident_and_gets_404_for_another_customer_s()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var acme = await factory.SeedCustomerAsync();
        var globex = await factory.SeedCustomerAsync();
        var acmeIncident = await factory.SeedIncidentAsync(acme);
        var globexIncident = await factory.SeedIncidentAsync(globex);
        var change = await ImplementedChangeAsync(staff.Agent, staff.Approver, Day(18, 1));
        await (await staff.Agent.PostJsonAsync($"/api/v1/incidents/{acmeIncident}/caused-by", new { changeNumber = change })).ReadJsonAsync();
        await (await staff.Agent.PostJsonAsync($"/api/v1/incidents/{globexIncident}/caused-by", new { changeNumber = change })).ReadJsonAsync();
        var (customer, _, _) = await factory.CreateClientWithRolesAsync(acme, "Customer");
        using (customer)
        {
            var own = await (await customer.GetAsync($"/api/v1/incidents/{acmeIncident}")).ReadJsonAsync();
            Assert.Equal(change, own.GetProperty("causedByChange").GetString());
            await (await customer.GetAsync($"/api/v1/incidents/{globexIncident}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await customer.PostJsonAsync($"/api/v1/incidents/{acmeIncident}/caused-by", new { changeNumber = change })).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }
}
