using System.Net;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Changes.ChangeFixtures;

namespace ServiceDesk.Api.Tests.Changes;

/// <summary>Approvals over HTTP: the ChangeApprover role, the requester and double-approval rules, two approvals at High risk, rejections.</summary>
public sealed class ChangeApprovalTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static async Task<string> SubmittedAsync(HttpClient requester, string type = "Normal", string risk = "Medium")
    {
        var number = (await requester.CreateChangeAsync(ChangeBody(type, risk))).GetProperty("number").GetString()!;
        await requester.ActAsync(number, "submit");
        return number;
    }

    [Fact]
    public async Task A_high_risk_normal_change_is_approved_by_the_second_approver()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = await SubmittedAsync(staff.Agent, risk: "High");

        var once = await staff.Approver.ActAsync(number, "approve", new { comment = "Fine by me." });
        Assert.Equal("Submitted", once.GetProperty("status").GetString());
        Assert.Equal(2, once.GetProperty("requiredApprovals").GetInt32());

        var twice = await staff.SecondApprover.ActAsync(number, "approve", new { comment = "Agreed." });
        Assert.Equal("Approved", twice.GetProperty("status").GetString());
        Assert.Equal(2, twice.GetProperty("approvals").GetArrayLength());
    }

    [Fact]
    public async Task An_approver_approving_the_same_change_twice_gets_409_already_approved()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = await SubmittedAsync(staff.Agent, risk: "High");
        await staff.Approver.ActAsync(number, "approve", new { comment = "Fine by me." });

        var response = await staff.Approver.PostJsonAsync($"{ChangesRoute}/{number}/approve", new { comment = "Still fine." });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/already-approved");
        var change = await (await staff.Agent.GetAsync($"{ChangesRoute}/{number}")).ReadJsonAsync();
        Assert.Equal(1, change.GetProperty("approvals").GetArrayLength());
    }

    [Fact]
    public async Task The_requester_holding_the_approver_role_cannot_approve_their_own_change()
    {
        var (both, _, _) = await factory.CreateClientWithRolesAsync(null, "Agent", "ChangeApprover");
        using (both)
        {
            var number = await SubmittedAsync(both);

            var response = await both.PostJsonAsync($"{ChangesRoute}/{number}/approve", new { comment = "Mine, and fine." });

            await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, typeEndsWith: "/requester-cannot-approve");
            var change = await (await both.GetAsync($"{ChangesRoute}/{number}")).ReadJsonAsync();
            Assert.Equal("Submitted", change.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task An_emergency_change_needs_one_approval()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = await SubmittedAsync(staff.Agent, "Emergency", "High");

        var approved = await staff.Approver.ActAsync(number, "approve", new { comment = "Go, the core is down." });

        Assert.Equal("Approved", approved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Any_rejection_rejects_the_change_even_after_an_approval()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = await SubmittedAsync(staff.Agent, risk: "High");
        await staff.Approver.ActAsync(number, "approve", new { comment = "Fine by me." });

        var rejected = await staff.SecondApprover.ActAsync(number, "reject", new { comment = "No backout for the database." });

        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Equal(["Approved", "Rejected"], rejected.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("decision").GetString()));
        await (await staff.Approver.PostJsonAsync($"{ChangesRoute}/{number}/approve", new { comment = "Late." })).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/illegal-transition");
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    public async Task A_decision_without_a_comment_is_400_naming_comment(string decision)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = await SubmittedAsync(staff.Agent);

        await (await staff.Approver.PostJsonAsync($"{ChangesRoute}/{number}/{decision}", new { comment = " " })).AssertProblemAsync(HttpStatusCode.BadRequest, "comment");
    }

    [Theory]
    [InlineData("Agent")]
    [InlineData("Manager")]
    [InlineData("Admin")]
    public async Task Approving_and_rejecting_need_the_ChangeApprover_role(string role)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = await SubmittedAsync(staff.Agent);
        var (client, _, _) = await factory.CreateClientWithRolesAsync(null, role);
        using (client)
        {
            await (await client.PostJsonAsync($"{ChangesRoute}/{number}/approve", new { comment = "Fine." })).AssertProblemAsync(HttpStatusCode.Forbidden, typeEndsWith: "/forbidden");
            await (await client.PostJsonAsync($"{ChangesRoute}/{number}/reject", new { comment = "No." })).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        var change = await (await staff.Agent.GetAsync($"{ChangesRoute}/{number}")).ReadJsonAsync();
        Assert.Equal("Submitted", change.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Approving_takes_the_If_Match_of_the_change()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = await SubmittedAsync(staff.Agent);

        await (await staff.Approver.PostJsonAsync($"{ChangesRoute}/{number}/approve", new { comment = "Fine." }, "\"1\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }
}
