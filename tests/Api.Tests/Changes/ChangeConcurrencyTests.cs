using System.Net;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Changes.ChangeFixtures;

namespace ServiceDesk.Api.Tests.Changes;

/// <summary>
/// Writers racing: on one change or problem, one wins and the other is told to read again (412), nothing is lost or
/// doubled; on one product, concurrent schedules are checked for conflicts one after the other.
/// </summary>
public sealed class ChangeConcurrencyTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    [Fact]
    public async Task Two_approvers_approving_at_once_both_count_or_the_loser_gets_412()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        for (var round = 0; round < 5; round++)
        {
            var number = (await staff.Agent.CreateChangeAsync(ChangeBody(risk: "High"))).GetProperty("number").GetString()!;
            await staff.Agent.ActAsync(number, "submit");

            var responses = await Task.WhenAll(
                staff.Approver.PostJsonAsync($"{ChangesRoute}/{number}/approve", new { comment = "One." }),
                staff.SecondApprover.PostJsonAsync($"{ChangesRoute}/{number}/approve", new { comment = "Two." }));

            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.PreconditionFailed, $"{(int)r.StatusCode}: {r.Content.ReadAsStringAsync().Result}"));
            var change = await (await staff.Agent.GetAsync($"{ChangesRoute}/{number}")).ReadJsonAsync();
            var approvals = change.GetProperty("approvals").GetArrayLength();
            Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.OK), approvals);
            var history = await (await staff.Agent.GetAsync($"{ChangesRoute}/{number}/history")).ReadJsonAsync();
            Assert.Equal(approvals, history.GetProperty("items").EnumerateArray().Count(h => h.GetProperty("action").GetString() == "approval"));
        }
    }

    [Fact]
    public async Task Two_incidents_linked_to_one_problem_at_once_are_both_linked_or_the_loser_gets_412()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        for (var round = 0; round < 5; round++)
        {
            var first = await factory.SeedIncidentAsync(customer);
            var second = await factory.SeedIncidentAsync(customer);
            var problem = (await (await staff.Agent.PostJsonAsync(ProblemsRoute, new { summary = "Relay", description = "Stalls." })).ReadJsonAsync(HttpStatusCode.Created))
                .GetProperty("number").GetString()!;

            var responses = await Task.WhenAll(
                staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/incidents", new { incidentNumber = first }),
                staff.Manager.PostJsonAsync($"{ProblemsRoute}/{problem}/incidents", new { incidentNumber = second }));

            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.PreconditionFailed, $"{(int)r.StatusCode}: {r.Content.ReadAsStringAsync().Result}"));
            var read = await (await staff.Agent.GetAsync($"{ProblemsRoute}/{problem}")).ReadJsonAsync();
            Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.OK), read.GetProperty("incidentCount").GetInt32());
            Assert.Equal(read.GetProperty("incidentCount").GetInt32(), read.GetProperty("incidents").GetArrayLength());
        }
    }

    [Fact]
    public async Task Of_concurrent_schedules_of_overlapping_windows_on_one_product_exactly_one_wins_across_instances()
    {
        const int changeCount = 20;
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var numbers = new List<string>();
        for (var i = 0; i < changeCount; i++)
            numbers.Add(await ApprovedChangeAsync(staff.Agent, staff.Approver, body: ChangeBody(customerId: customer)));
        await using var secondInstance = new SameDatabaseApiFactory(factory.Database);
        var (agent, _, key) = await factory.CreateClientWithRolesAsync(null, "Agent");
        using var firstAgent = agent;
        using var secondAgent = secondInstance.CreateClient(key);
        foreach (var warm in new[] { firstAgent, secondAgent })
            await (await warm.GetAsync($"{ChangesRoute}/{numbers[0]}")).ReadJsonAsync(); // both instances started and the key known to both

        // Every window overlaps every other (starts a minute apart, two hours long); half the calls go to each instance.
        var responses = await Task.WhenAll(numbers.Select((number, i) => (i % 2 == 0 ? firstAgent : secondAgent).PostJsonAsync(
            $"{ChangesRoute}/{number}/schedule",
            new { plannedStart = Iso(Day(26, 9).AddMinutes(i)), plannedEnd = Iso(Day(26, 11).AddMinutes(i)), acknowledgeConflicts = false })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "plannedStart", "/change-conflict");
        var scheduled = await (await staff.Agent.GetAsync($"{ChangesRoute}?status=Scheduled&customerId={customer}")).ReadJsonAsync();
        Assert.Single(scheduled.GetProperty("items").EnumerateArray());
    }
}
