using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Changes;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Changes.ChangeFixtures;

namespace ServiceDesk.Api.Tests.Problems;

/// <summary>Problems over HTTP: New -> Investigating -> KnownError -> Resolved (by a change) -> Closed, edits, history, lists and roles.</summary>
public sealed class ProblemWorkflowTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static object NewProblem(string? productCode = "OPS-APP-03") =>
        new { summary = "Mail relay drops connections", description = "Outbound mail stalls every morning.", productCode };

    private static async Task<(string Number, string ETag)> CreateAsync(HttpClient agent, object? body = null)
    {
        var response = await agent.PostJsonAsync(ProblemsRoute, body ?? NewProblem());
        var problem = await response.ReadJsonAsync(HttpStatusCode.Created);
        return (problem.GetProperty("number").GetString()!, response.ETag());
    }

    [Fact]
    public async Task A_problem_goes_from_new_to_closed_resolved_by_a_change_that_then_lists_it()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var created = await staff.Agent.PostJsonAsync(ProblemsRoute, NewProblem());
        var problem = await created.ReadJsonAsync(HttpStatusCode.Created);
        var number = problem.GetProperty("number").GetString()!;
        Assert.StartsWith("PRB", number);
        Assert.Equal($"{ProblemsRoute}/{number}", created.Headers.Location?.OriginalString);
        Assert.Equal("New", problem.GetProperty("status").GetString());
        var etag = created.ETag();

        async Task<JsonElement> Step(string action, object? body, string status)
        {
            var response = await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{number}/{action}", body, etag);
            var json = await response.ReadJsonAsync();
            Assert.Equal(status, json.GetProperty("status").GetString());
            Assert.NotEqual(etag, response.ETag());
            etag = response.ETag();
            return json;
        }

        await Step("investigate", null, "Investigating");
        var known = await Step("known-error", new { rootCause = "Connection pool capped at 50.", workaround = "Restart the relay service." }, "KnownError");
        Assert.Equal("Restart the relay service.", known.GetProperty("workaround").GetString());
        var change = await ImplementedChangeAsync(staff.Agent, staff.Approver, Day(3, 1));
        var resolved = await Step("resolve", new { changeNumber = change }, "Resolved");
        Assert.Equal(change, resolved.GetProperty("resolvedByChange").GetString());
        await Step("close", null, "Closed");

        var fixer = await (await staff.Agent.GetAsync($"{ChangesRoute}/{change}")).ReadJsonAsync();
        Assert.Equal([number], fixer.Strings("fixesProblems"));
        var history = await (await staff.Agent.GetAsync($"{ProblemsRoute}/{number}/history")).ReadJsonAsync();
        var statuses = history.GetProperty("items").EnumerateArray().Where(h => h.GetProperty("action").GetString() == "status")
            .Select(h => h.GetProperty("newValue").GetString()).ToList();
        Assert.Equal(["Investigating", "KnownError", "Resolved", "Closed"], statuses);
    }

    [Fact]
    public async Task A_problem_is_not_resolved_by_a_change_that_was_not_implemented_or_does_not_exist()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var (number, _) = await CreateAsync(staff.Agent);
        await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{number}/investigate", null);
        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{number}/known-error", new { rootCause = "Pool.", workaround = "Restart." })).ReadJsonAsync();
        var draft = (await staff.Agent.CreateChangeAsync()).GetProperty("number").GetString()!;

        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{number}/resolve", new { changeNumber = draft }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "changeNumber", "/change-not-implemented");
        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{number}/resolve", new { changeNumber = "CHG999999" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "changeNumber");
        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{number}/resolve", new { }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "changeNumber");
    }

    [Theory]
    [InlineData("known-error")]
    [InlineData("resolve")]
    [InlineData("close")]
    public async Task A_move_the_state_does_not_allow_is_409_naming_the_state(string action)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var (number, _) = await CreateAsync(staff.Agent);
        var change = await ImplementedChangeAsync(staff.Agent, staff.Approver, Day(4, 1));
        object? body = action switch
        {
            "known-error" => new { rootCause = "Pool.", workaround = "Restart." },
            "resolve" => new { changeNumber = change },
            _ => null,
        };

        var problem = await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{number}/{action}", body)).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/illegal-transition");

        Assert.EndsWith("a problem that is New.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rootCause")]
    [InlineData("workaround")]
    public async Task A_known_error_needs_root_cause_and_workaround(string missing)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var (number, _) = await CreateAsync(staff.Agent);
        await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{number}/investigate", null);
        var body = new Dictionary<string, object?> { ["rootCause"] = "Pool.", ["workaround"] = "Restart." };
        body.Remove(missing);

        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{number}/known-error", body)).AssertProblemAsync(HttpStatusCode.BadRequest, missing);
    }

    [Fact]
    public async Task Patching_edits_the_description_and_a_root_cause_only_once_it_is_a_known_error()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var (number, etag) = await CreateAsync(staff.Agent);

        var patched = await staff.Agent.PatchJsonAsync($"{ProblemsRoute}/{number}", new { summary = "Relay stalls at 09:00", productCode = (string?)null }, etag);
        var problem = await patched.ReadJsonAsync();
        Assert.Equal("Relay stalls at 09:00", problem.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("productCode").ValueKind);

        await (await staff.Agent.PatchJsonAsync($"{ProblemsRoute}/{number}", new { rootCause = "A guess" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "rootCause", "/not-a-known-error");
        await (await staff.Agent.PatchJsonAsync($"{ProblemsRoute}/{number}", new { summary = "Stale" }, etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await staff.Agent.PatchJsonAsync($"{ProblemsRoute}/{number}", new { status = "Closed" })).AssertProblemAsync(HttpStatusCode.BadRequest, "status");
    }

    [Theory]
    [InlineData("summary", null)]
    [InlineData("description", " ")]
    [InlineData("productCode", "not a code")]
    [InlineData("productCode", "OPS-XX-99")]
    public async Task Creating_a_problem_with_a_missing_or_bad_field_is_400_naming_it(string field, string? value)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var body = new Dictionary<string, object?> { ["summary"] = "S", ["description"] = "D", ["productCode"] = "OPS-APP-03" };
        body[field] = value;

        await (await staff.Agent.PostJsonAsync(ProblemsRoute, body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Problems_are_listed_newest_first_filtered_and_keyset_paged()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
            made.Add((await CreateAsync(staff.Agent, NewProblem("SEC-OPS-02"))).Number);
        await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{made[1]}/investigate", null);

        var listed = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await staff.Agent.GetAsync($"{ProblemsRoute}?productCode=SEC-OPS-02&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ReadJsonAsync();
            listed.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("number").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        var investigating = await (await staff.Agent.GetAsync($"{ProblemsRoute}?productCode=SEC-OPS-02&status=Investigating")).ReadJsonAsync();

        Assert.Equal(made.AsEnumerable().Reverse(), listed);
        Assert.Equal([made[1]], investigating.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("number").GetString()));
        await (await staff.Agent.GetAsync($"{ProblemsRoute}?status=Solved")).AssertProblemAsync(HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task A_GET_with_the_current_ETag_is_304_and_an_unknown_problem_is_404()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var (number, etag) = await CreateAsync(staff.Agent);

        Assert.Equal(HttpStatusCode.NotModified, (await staff.Agent.GetIfNoneMatchAsync($"{ProblemsRoute}/{number}", etag)).StatusCode);
        await (await staff.Agent.GetAsync($"{ProblemsRoute}/PRB999999")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/PRB999999/investigate", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string> EveryRoute => new()
    {
        { "GET", "/api/v1/problems" },
        { "POST", "/api/v1/problems" },
        { "GET", "/api/v1/problems/{number}" },
        { "PATCH", "/api/v1/problems/{number}" },
        { "GET", "/api/v1/problems/{number}/history" },
        { "POST", "/api/v1/problems/{number}/incidents" },
        { "DELETE", "/api/v1/problems/{number}/incidents/INC000001" },
        { "POST", "/api/v1/problems/{number}/investigate" },
        { "POST", "/api/v1/problems/{number}/known-error" },
        { "POST", "/api/v1/problems/{number}/resolve" },
        { "POST", "/api/v1/problems/{number}/close" },
    };

    private static object? BodyFor(string method, string url) => (method, url) switch
    {
        ("POST", "/api/v1/problems") => NewProblem(),
        ("PATCH", _) => new { summary = "x" },
        (_, var u) when u.EndsWith("/incidents", StringComparison.Ordinal) => new { incidentNumber = "INC000001" },
        (_, var u) when u.EndsWith("/known-error", StringComparison.Ordinal) => new { rootCause = "r", workaround = "w" },
        (_, var u) when u.EndsWith("/resolve", StringComparison.Ordinal) => new { changeNumber = "CHG000001" },
        _ => null,
    };

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task Customer_and_change_approver_keys_get_403_on_every_problem_route(string method, string route)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var url = route.Replace("{number}", (await CreateAsync(staff.Agent)).Number, StringComparison.Ordinal);
        var customerId = await factory.SeedCustomerAsync();
        var (customer, _, _) = await factory.CreateClientWithRolesAsync(customerId, "Customer");
        var (approver, _, _) = await factory.CreateClientWithRolesAsync(null, "ChangeApprover");
        using (customer)
        using (approver)
        {
            foreach (var client in new[] { customer, approver })
            {
                var response = await client.SendJsonAsync(new HttpMethod(method), url, BodyFor(method, route), mediaType: method == "PATCH" ? "application/merge-patch+json" : "application/json");
                await response.AssertProblemAsync(HttpStatusCode.Forbidden, typeEndsWith: "/forbidden");
            }
        }

        using var anonymous = factory.CreateClient(apiKey: null);
        await (await anonymous.SendJsonAsync(new HttpMethod(method), url, BodyFor(method, route))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_Manager_works_problems_too()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var (number, _) = await CreateAsync(staff.Manager);

        Assert.Equal("Investigating", (await (await staff.Manager.PostJsonAsync($"{ProblemsRoute}/{number}/investigate", null)).ReadJsonAsync()).GetProperty("status").GetString());
    }
}
