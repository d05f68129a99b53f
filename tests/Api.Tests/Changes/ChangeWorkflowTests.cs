using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Infrastructure.Persistence;
using static ServiceDesk.Api.Tests.Changes.ChangeFixtures;

namespace ServiceDesk.Api.Tests.Changes;

/// <summary>Changes over HTTP: creating, completing a Draft, every action with its ETag, history, and the refusals a client can meet.</summary>
public sealed class ChangeWorkflowTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    [Fact]
    public async Task A_normal_change_goes_from_draft_to_closed_with_an_ETag_on_every_step()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var created = await staff.Agent.PostJsonAsync(ChangesRoute, ChangeBody());
        var change = await created.ReadJsonAsync(HttpStatusCode.Created);
        var number = change.GetProperty("number").GetString()!;
        Assert.StartsWith("CHG", number);
        Assert.Equal($"{ChangesRoute}/{number}", created.Headers.Location?.OriginalString);
        Assert.Equal("Draft", change.GetProperty("status").GetString());
        Assert.Equal(1, change.GetProperty("requiredApprovals").GetInt32());
        Assert.Equal("api", change.GetProperty("channel").GetString());
        var etags = new List<string> { created.ETag() };

        async Task Step(HttpClient client, string action, object? body, string status)
        {
            var response = await client.PostJsonAsync($"{ChangesRoute}/{number}/{action}", body, etags[^1]);
            var json = await response.ReadJsonAsync();
            Assert.Equal(status, json.GetProperty("status").GetString());
            Assert.DoesNotContain(response.ETag(), etags);
            etags.Add(response.ETag());
        }

        await Step(staff.Agent, "submit", null, "Submitted");
        await Step(staff.Approver, "approve", new { comment = "Backout plan tested." }, "Approved");
        await Step(staff.Agent, "schedule", new { plannedStart = Iso(Day(5, 14)), plannedEnd = Iso(Day(5, 16)) }, "Scheduled");
        await Step(staff.Agent, "start", null, "Implementing");
        await Step(staff.Agent, "complete", null, "Implemented");
        await Step(staff.Agent, "review", new { outcome = "Successful", notes = "Trunks stable." }, "Reviewed");
        await Step(staff.Agent, "close", null, "Closed");

        var read = await staff.Agent.GetAsync($"{ChangesRoute}/{number}");
        var closed = await read.ReadJsonAsync();
        Assert.Equal(etags[^1], read.ETag());
        Assert.Equal("Successful", closed.GetProperty("outcome").GetString());
        Assert.Equal(Day(5, 14), closed.GetProperty("plannedStart").GetDateTimeOffset());
        Assert.Equal(factory.Clock.GetUtcNow(), closed.GetProperty("actualStart").GetDateTimeOffset());
        var approval = Assert.Single(closed.GetProperty("approvals").EnumerateArray());
        Assert.Equal("Approved", approval.GetProperty("decision").GetString());
        Assert.Equal("Backout plan tested.", approval.GetProperty("comment").GetString());
        Assert.False(approval.TryGetProperty("approverId", out _), "approver key ids are not shown");

        var history = await (await staff.Agent.GetAsync($"{ChangesRoute}/{number}/history")).ReadJsonAsync();
        var statuses = history.GetProperty("items").EnumerateArray()
            .Where(h => h.GetProperty("action").GetString() == "status")
            .Select(h => h.GetProperty("newValue").GetString()!.Split(' ')[0])
            .ToList();
        Assert.Equal(["Submitted", "Approved", "Scheduled", "Implementing", "Implemented", "Reviewed", "Closed"], statuses);
    }

    [Fact]
    public async Task A_standard_change_from_a_request_product_is_approved_on_submit()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = (await staff.Agent.CreateChangeAsync(ChangeBody("Standard", "Low", null, RequestProduct))).GetProperty("number").GetString()!;

        var submitted = await staff.Agent.ActAsync(number, "submit");

        Assert.Equal("Approved", submitted.GetProperty("status").GetString());
        Assert.Equal(0, submitted.GetProperty("requiredApprovals").GetInt32());
        Assert.Equal(0, submitted.GetProperty("approvals").GetArrayLength());
    }

    [Fact]
    public async Task A_standard_change_on_a_support_product_is_refused_on_submit_with_422()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = (await staff.Agent.CreateChangeAsync(ChangeBody("Standard", "Low", null, SupportProduct))).GetProperty("number").GetString()!;

        var response = await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/submit", null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "type", "/not-a-standard-change");
        Assert.Contains(SupportProduct, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_raised_at_the_desk_is_completed_with_PATCH_then_submitted()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customerId = await factory.SeedCustomerAsync();
        var number = await RaiseAtTheDeskAsync(customerId);

        var incomplete = await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/submit", null);
        var refusal = await incomplete.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "type", "/change-incomplete");
        Assert.Contains("implementationPlan", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var patched = await staff.Agent.PatchJsonAsync($"{ChangesRoute}/{number}", new
        {
            type = "Normal",
            risk = "Low",
            implementationPlan = "Install release 4.2 on the portal servers.",
            backoutPlan = "Reinstall release 4.1 from the artefact store.",
        });
        var draft = await patched.ReadJsonAsync();
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal([RequestProduct], draft.Strings("productCodes"));
        Assert.Equal(customerId, draft.GetProperty("customerId").GetGuid());
        Assert.Equal("Release 4.2 of the portal", draft.GetProperty("summary").GetString());
        Assert.Equal("portal", draft.GetProperty("channel").GetString());
        Assert.Equal("ACME-CR-7", draft.GetProperty("externalReference").GetString());

        var submitted = await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/submit", null, patched.ETag());
        Assert.Equal("Submitted", (await submitted.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Patching_a_submitted_change_is_a_409_illegal_transition()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = (await staff.Agent.CreateChangeAsync()).GetProperty("number").GetString()!;
        await staff.Agent.ActAsync(number, "submit");

        var response = await staff.Agent.PatchJsonAsync($"{ChangesRoute}/{number}", new { risk = "High" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/illegal-transition");
        Assert.Equal("Cannot edit a change that is Submitted.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("status")]
    [InlineData("number")]
    [InlineData("approvals")]
    public async Task Patching_a_field_that_is_not_written_by_the_requester_is_400_naming_it(string field)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = (await staff.Agent.CreateChangeAsync()).GetProperty("number").GetString()!;

        var response = await staff.Agent.PatchJsonAsync($"{ChangesRoute}/{number}", new Dictionary<string, object?> { [field] = "x" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Patching_can_make_a_draft_global_by_clearing_its_customer()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customerId = await factory.SeedCustomerAsync();
        var number = (await staff.Agent.CreateChangeAsync(ChangeBody(customerId: customerId))).GetProperty("number").GetString()!;

        var patched = await (await staff.Agent.PatchJsonAsync($"{ChangesRoute}/{number}", new Dictionary<string, object?> { ["customerId"] = null })).ReadJsonAsync();

        Assert.Equal(JsonValueKind.Null, patched.GetProperty("customerId").ValueKind);
        var history = await (await staff.Agent.GetAsync($"{ChangesRoute}/{number}/history")).ReadJsonAsync();
        Assert.Contains(history.GetProperty("items").EnumerateArray(), h => h.GetProperty("field").GetString() == "customerId");
    }

    [Theory]
    [InlineData("type", null)]
    [InlineData("type", "Routine")]
    [InlineData("risk", null)]
    [InlineData("risk", "Extreme")]
    [InlineData("summary", " ")]
    [InlineData("description", null)]
    [InlineData("implementationPlan", null)]
    [InlineData("backoutPlan", "")]
    [InlineData("productCodes", null)]
    public async Task Creating_a_change_without_a_required_field_or_with_a_bad_value_is_400_naming_it(string field, string? value)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var body = ChangeBody();
        body[field] = value;

        var response = await staff.Agent.PostJsonAsync(ChangesRoute, body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Creating_a_change_with_no_products_is_400_naming_productCodes()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var body = ChangeBody();
        body["productCodes"] = Array.Empty<string>();

        await (await staff.Agent.PostJsonAsync(ChangesRoute, body)).AssertProblemAsync(HttpStatusCode.BadRequest, "productCodes");
    }

    [Theory]
    [InlineData("OPS-XX-99")]
    [InlineData("lower-case")]
    public async Task Creating_a_change_on_an_unknown_or_malformed_product_is_400_naming_productCodes(string code)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);

        var response = await staff.Agent.PostJsonAsync(ChangesRoute, ChangeBody(products: code));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("productCodes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Creating_a_change_for_an_unknown_customer_is_400_naming_customerId()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);

        var response = await staff.Agent.PostJsonAsync(ChangesRoute, ChangeBody(customerId: Guid.NewGuid()));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "customerId");
    }

    [Fact]
    public async Task Creating_a_change_answers_the_same_change_to_a_retry_with_the_same_Idempotency_Key()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> Post()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, ChangesRoute) { Content = JsonContent(ChangeBody()) };
            request.Headers.Add("Idempotency-Key", key);
            return await staff.Agent.SendAsync(request);
        }

        var first = await (await Post()).ReadJsonAsync(HttpStatusCode.Created);
        var second = await (await Post()).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("number").GetString(), second.GetProperty("number").GetString());
    }

    [Theory]
    [InlineData("start")]
    [InlineData("complete")]
    [InlineData("review")]
    [InlineData("close")]
    public async Task An_action_the_state_does_not_allow_is_409_naming_the_state(string action)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = (await staff.Agent.CreateChangeAsync()).GetProperty("number").GetString()!;
        var body = action == "review" ? new { outcome = "Successful", notes = "n" } : null;

        var response = await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/{action}", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/illegal-transition");
        Assert.EndsWith("that is Draft.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_is_cancelled_before_implementation_and_not_after()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var scheduled = await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(6, 1), Day(6, 2), acknowledge: true);
        var implementing = await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(6, 3), Day(6, 4), acknowledge: true);
        await staff.Agent.ActAsync(implementing, "start");

        Assert.Equal("Cancelled", (await staff.Agent.ActAsync(scheduled, "cancel")).GetProperty("status").GetString());
        await (await staff.Agent.PostJsonAsync($"{ChangesRoute}/{implementing}/cancel", null)).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/illegal-transition");
    }

    [Fact]
    public async Task A_review_needs_a_known_outcome_and_notes()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = await ImplementedChangeAsync(staff.Agent, staff.Approver, Day(7, 1));

        await (await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/review", new { outcome = "Meh", notes = "n" })).AssertProblemAsync(HttpStatusCode.BadRequest, "outcome");
        await (await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/review", new { outcome = "RolledBack" })).AssertProblemAsync(HttpStatusCode.BadRequest, "notes");

        var reviewed = await staff.Agent.ActAsync(number, "review", new { outcome = "RolledBack", notes = "Rolled back at 02:10." });
        Assert.Equal("RolledBack", reviewed.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_stale_If_Match_on_an_action_or_a_patch_is_412_and_changes_nothing()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var created = await staff.Agent.PostJsonAsync(ChangesRoute, ChangeBody());
        var number = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("number").GetString()!;
        var stale = created.ETag();
        await (await staff.Agent.PatchJsonAsync($"{ChangesRoute}/{number}", new { summary = "Edited once" }, stale)).ReadJsonAsync();

        await (await staff.Agent.PatchJsonAsync($"{ChangesRoute}/{number}", new { summary = "Edited twice" }, stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/submit", null, stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var current = await (await staff.Agent.GetAsync($"{ChangesRoute}/{number}")).ReadJsonAsync();
        Assert.Equal("Edited once", current.GetProperty("summary").GetString());
        Assert.Equal("Draft", current.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_GET_with_the_current_ETag_in_If_None_Match_is_304()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = (await staff.Agent.CreateChangeAsync()).GetProperty("number").GetString()!;
        var first = await staff.Agent.GetAsync($"{ChangesRoute}/{number}");
        await first.ReadJsonAsync();

        var again = await staff.Agent.GetIfNoneMatchAsync($"{ChangesRoute}/{number}", first.ETag());

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task An_unknown_change_is_404_on_every_route()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);

        await (await staff.Agent.GetAsync($"{ChangesRoute}/CHG999999")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await staff.Agent.GetAsync($"{ChangesRoute}/CHG999999/history")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await staff.Agent.PatchJsonAsync($"{ChangesRoute}/CHG999999", new { summary = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await staff.Agent.PostJsonAsync($"{ChangesRoute}/CHG999999/submit", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await staff.Approver.PostJsonAsync($"{ChangesRoute}/CHG999999/approve", new { comment = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Change_numbers_continue_the_sequence_the_desk_uses()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customerId = await factory.SeedCustomerAsync();
        var raised = await RaiseAtTheDeskAsync(customerId);

        var created = (await staff.Agent.CreateChangeAsync()).GetProperty("number").GetString()!;

        Assert.True(string.CompareOrdinal(created, raised) > 0, $"{created} follows {raised}");
    }

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, WebJson), System.Text.Encoding.UTF8, "application/json");

    /// <summary>A change request as the desk's intake records it (the intake itself needs agreements this suite does not set up).</summary>
    private async Task<string> RaiseAtTheDeskAsync(Guid customerId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<ITicketNumbers>();
        var change = Change.Open(await numbers.NextAsync(TicketKind.Change, CancellationToken.None), customerId, RequestProduct, "Release 4.2 of the portal",
            "The customer asks for release 4.2.", Channel.Portal, "ACME-CR-7", new Actor("customer-key", "carol@acme.example", IsCustomer: true), factory.Clock.GetUtcNow());
        db.Changes.Add(change);
        await db.SaveChangesAsync();
        return change.Number;
    }
}
