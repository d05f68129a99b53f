using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Changes.ChangeFixtures;

namespace ServiceDesk.Api.Tests.Changes;

/// <summary>
/// Freeze periods over HTTP: managers declare and lift them; a window in one is refused for Normal and Standard changes
/// (422 change-freeze naming the period), Emergency changes pass and are flagged. Each test freezes days of its own.
/// </summary>
public sealed class FreezePeriodTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static object Freeze(string name, DateTimeOffset start, DateTimeOffset end, Guid? customerId = null) =>
        new { name, start = Iso(start), end = Iso(end), customerId };

    private static async Task<JsonElement> DeclareAsync(HttpClient manager, object freeze)
    {
        var response = await manager.PostJsonAsync(FreezesRoute, freeze);
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_manager_declares_a_freeze_reads_it_and_lifts_it()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();

        var response = await staff.Manager.PostJsonAsync(FreezesRoute, Freeze("Acme audit", Day(1, 0), Day(2, 0), customer));

        var freeze = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = freeze.GetProperty("id").GetString()!;
        Assert.Equal($"{FreezesRoute}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Acme audit", freeze.GetProperty("name").GetString());
        Assert.Equal(customer, freeze.GetProperty("customerId").GetGuid());
        Assert.Equal(Day(1, 0), freeze.GetProperty("start").GetDateTimeOffset());
        var read = await staff.Agent.GetAsync($"{FreezesRoute}/{id}");
        await read.ReadJsonAsync();
        Assert.Equal(response.ETag(), read.ETag());

        Assert.Equal(HttpStatusCode.NoContent, (await staff.Manager.DeleteAsync($"{FreezesRoute}/{id}")).StatusCode);
        await (await staff.Agent.GetAsync($"{FreezesRoute}/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await staff.Manager.DeleteAsync($"{FreezesRoute}/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("start")]
    [InlineData("end")]
    public async Task A_freeze_without_a_required_field_is_400_naming_it(string field)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var body = new Dictionary<string, object?> { ["name"] = "Year-end", ["start"] = Iso(Day(1, 0)), ["end"] = Iso(Day(2, 0)) };
        body.Remove(field);

        await (await staff.Manager.PostJsonAsync(FreezesRoute, body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_freeze_ending_before_it_starts_already_over_or_for_an_unknown_customer_is_400()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var now = factory.Clock.GetUtcNow();

        await (await staff.Manager.PostJsonAsync(FreezesRoute, Freeze("Backwards", Day(2, 0), Day(1, 0)))).AssertProblemAsync(HttpStatusCode.BadRequest, "end");
        await (await staff.Manager.PostJsonAsync(FreezesRoute, Freeze("Over", now.AddDays(-2), now.AddDays(-1)))).AssertProblemAsync(HttpStatusCode.BadRequest, "end");
        await (await staff.Manager.PostJsonAsync(FreezesRoute, Freeze("Nobody's", Day(1, 0), Day(2, 0), Guid.NewGuid()))).AssertProblemAsync(HttpStatusCode.BadRequest, "customerId");
    }

    [Theory]
    [InlineData("Normal", "Medium", SupportProduct)]
    [InlineData("Standard", "Low", RequestProduct)]
    public async Task Scheduling_a_normal_or_standard_change_into_a_freeze_is_422_change_freeze_naming_the_period(string type, string risk, string product)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var day = type == "Normal" ? 3 : 4;
        await DeclareAsync(staff.Manager, Freeze($"Quarter-end close {type}", Day(day, 0), Day(day + 1, 0)));
        var number = await ApprovedChangeAsync(staff.Agent, staff.Approver, body: ChangeBody(type, risk, customer, product));

        var response = await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/schedule", new { plannedStart = Iso(Day(day, 10)), plannedEnd = Iso(Day(day, 12)), acknowledgeConflicts = true });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "plannedStart", "/change-freeze");
        Assert.Contains($"'Quarter-end close {type}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal($"Quarter-end close {type}", problem.GetProperty("freezePeriods")[0].GetProperty("name").GetString());
        var change = await (await staff.Agent.GetAsync($"{ChangesRoute}/{number}")).ReadJsonAsync();
        Assert.Equal("Approved", change.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_emergency_change_passes_a_freeze_and_is_flagged()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        await DeclareAsync(staff.Manager, Freeze("Acme year-end", Day(5, 0), Day(6, 0), customer));
        var number = await ApprovedChangeAsync(staff.Agent, staff.Approver, body: ChangeBody("Emergency", "High", customer));

        var scheduled = await staff.Agent.ScheduleAsync(number, Day(5, 10), Day(5, 12));

        Assert.Equal("Scheduled", scheduled.GetProperty("status").GetString());
        Assert.True(scheduled.GetProperty("scheduledInFreeze").GetBoolean());
        Assert.Equal(["Acme year-end"], scheduled.Strings("freezeOverrides"));
    }

    [Fact]
    public async Task Another_customer_s_freeze_does_not_stop_a_change_but_a_global_change_is_stopped_by_any_customer_s_freeze()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var acme = await factory.SeedCustomerAsync();
        var globex = await factory.SeedCustomerAsync();
        await DeclareAsync(staff.Manager, Freeze("Globex audit", Day(7, 0), Day(8, 0), globex));
        var acmeChange = await ApprovedChangeAsync(staff.Agent, staff.Approver, body: ChangeBody(customerId: acme, products: "OPS-APP-01"));
        var globalChange = await ApprovedChangeAsync(staff.Agent, staff.Approver, body: ChangeBody(products: "OPS-APP-02"));

        var scheduled = await staff.Agent.ScheduleAsync(acmeChange, Day(7, 10), Day(7, 12));
        var refused = await staff.Agent.PostJsonAsync($"{ChangesRoute}/{globalChange}/schedule", new { plannedStart = Iso(Day(7, 10)), plannedEnd = Iso(Day(7, 12)) });

        Assert.False(scheduled.GetProperty("scheduledInFreeze").GetBoolean());
        await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, typeEndsWith: "/change-freeze");
    }

    [Fact]
    public async Task A_lifted_freeze_no_longer_refuses()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var freeze = await DeclareAsync(staff.Manager, Freeze("Short-lived", Day(9, 0), Day(10, 0)));
        var number = await ApprovedChangeAsync(staff.Agent, staff.Approver, body: ChangeBody(products: "OPS-APP-03"));
        await (await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/schedule", new { plannedStart = Iso(Day(9, 10)), plannedEnd = Iso(Day(9, 12)) }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        await staff.Manager.DeleteAsync($"{FreezesRoute}/{freeze.GetProperty("id").GetString()}");

        Assert.Equal("Scheduled", (await staff.Agent.ScheduleAsync(number, Day(9, 10), Day(9, 12))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Freezes_are_listed_by_start_filtered_by_customer_and_keyset_paged()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var acme = await factory.SeedCustomerAsync();
        var globex = await factory.SeedCustomerAsync();
        var first = await DeclareAsync(staff.Manager, Freeze("List A", Day(20, 0), Day(21, 0), acme));
        var second = await DeclareAsync(staff.Manager, Freeze("List B", Day(20, 0), Day(21, 0)));
        var third = await DeclareAsync(staff.Manager, Freeze("List C", Day(22, 0), Day(23, 0), acme));
        await DeclareAsync(staff.Manager, Freeze("List D", Day(21, 0), Day(22, 0), globex));

        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await staff.Agent.GetAsync($"{FreezesRoute}?customerId={acme}&from={Uri.EscapeDataString(Iso(Day(19, 0)))}&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ReadJsonAsync();
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        var expected = new[] { first, second }.Select(f => f.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).Append(third.GetProperty("id").GetString()!);
        Assert.Equal(expected, ids);
    }
}
