using System.Net;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Changes.ChangeFixtures;

namespace ServiceDesk.Api.Tests.Changes;

/// <summary>Two writers racing on one change or problem: one wins, the other is told to read again (412), nothing is lost or doubled.</summary>
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
}
