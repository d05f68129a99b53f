using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Changes.ChangeFixtures;

namespace ServiceDesk.Api.Tests.Changes;

/// <summary>
/// Scheduling and conflicts over HTTP. Each test works on a customer and a day of its own, so the changes of one test
/// never overlap another's (freeze periods, which would, have their own class).
/// </summary>
public sealed class ChangeSchedulingTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static string ConflictsUrl(string productCode, Guid? customerId, DateTimeOffset start, DateTimeOffset end) =>
        $"{ChangesRoute}/conflicts?productCode={productCode}&start={Uri.EscapeDataString(Iso(start))}&end={Uri.EscapeDataString(Iso(end))}"
        + (customerId is null ? string.Empty : $"&customerId={customerId}");

    private static IReadOnlyList<string> Numbers(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("number").GetString()!)];

    [Fact]
    public async Task Conflicts_lists_scheduled_changes_overlapping_on_the_product_for_the_customer_and_global_ones()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var acme = await factory.SeedCustomerAsync();
        var globex = await factory.SeedCustomerAsync();
        var acmeChange = await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(2, 9), Day(2, 11), ChangeBody(customerId: acme), acknowledge: true);
        var globalChange = await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(2, 11), Day(2, 13), ChangeBody(), acknowledge: true);
        var globexChange = await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(2, 10), Day(2, 12), ChangeBody(customerId: globex), acknowledge: true);
        var touching = await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(2, 8), Day(2, 10), ChangeBody(customerId: acme), acknowledge: true);

        var forAcme = await (await staff.Agent.GetAsync(ConflictsUrl(SupportProduct, acme, Day(2, 10), Day(2, 12)))).ReadJsonAsync();
        var forEveryone = await (await staff.Agent.GetAsync(ConflictsUrl(SupportProduct, null, Day(2, 10), Day(2, 12)))).ReadJsonAsync();
        var otherProduct = await (await staff.Agent.GetAsync(ConflictsUrl(RequestProduct, null, Day(2, 10), Day(2, 12)))).ReadJsonAsync();

        Assert.Equal([acmeChange, globalChange], Numbers(forAcme));
        Assert.Equal([acmeChange, globexChange, globalChange], Numbers(forEveryone));
        Assert.DoesNotContain(touching, Numbers(forEveryone));
        Assert.Empty(Numbers(otherProduct));
        var first = forAcme.GetProperty("items")[0];
        Assert.Equal(SupportProduct, first.GetProperty("productCode").GetString());
        Assert.Equal("Scheduled", first.GetProperty("status").GetString());
        Assert.Equal(acme, first.GetProperty("customerId").GetGuid());
        Assert.Equal(Day(2, 9), first.GetProperty("plannedStart").GetDateTimeOffset());
    }

    [Fact]
    public async Task Conflicts_include_implementing_changes_and_leave_out_implemented_ones()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var implementing = await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(3, 9), Day(3, 11), ChangeBody(customerId: customer));
        await staff.Agent.ActAsync(implementing, "start");
        var done = await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(3, 9), Day(3, 11), ChangeBody(customerId: customer), acknowledge: true);
        await staff.Agent.ActAsync(done, "start");
        await staff.Agent.ActAsync(done, "complete");

        var conflicts = await (await staff.Agent.GetAsync(ConflictsUrl(SupportProduct, customer, Day(3, 10), Day(3, 12)))).ReadJsonAsync();

        Assert.Equal([implementing], Numbers(conflicts));
        Assert.Equal("Implementing", conflicts.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Conflicts_are_keyset_paged_by_window_start()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var numbers = new List<string>();
        for (var hour = 1; hour <= 3; hour++)
            numbers.Add(await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(4, hour), Day(4, hour + 1), ChangeBody(customerId: customer), acknowledge: true));

        var first = await (await staff.Agent.GetAsync(ConflictsUrl(SupportProduct, customer, Day(4, 0), Day(4, 23)) + "&limit=2")).ReadJsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await staff.Agent.GetAsync(ConflictsUrl(SupportProduct, customer, Day(4, 0), Day(4, 23)) + $"&limit=2&cursor={cursor}")).ReadJsonAsync();

        Assert.Equal(numbers, [.. Numbers(first), .. Numbers(second)]);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("start=2026-12-01T00:00:00Z&end=2026-12-02T00:00:00Z", "productCode")]
    [InlineData("productCode=OPS-INF-03&end=2026-12-02T00:00:00Z", "start")]
    [InlineData("productCode=OPS-INF-03&start=2026-12-01T00:00:00Z", "end")]
    [InlineData("productCode=OPS-INF-03&start=2026-12-02T00:00:00Z&end=2026-12-01T00:00:00Z", "end")]
    [InlineData("productCode=OPS-INF-03&start=yesterday&end=2026-12-01T00:00:00Z", "start")]
    [InlineData("productCode=OPS-INF-03&start=2026-12-01T00:00:00Z&end=2026-12-02T00:00:00Z&limit=0", "limit")]
    public async Task Conflicts_need_a_product_and_a_window_and_say_which_is_wrong(string query, string field)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        await (await staff.Agent.GetAsync($"{ChangesRoute}/conflicts?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Scheduling_a_normal_change_over_conflicts_is_409_listing_them_and_acknowledging_them_schedules_it()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var other = await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(8, 9), Day(8, 11), ChangeBody(customerId: customer), acknowledge: true);
        var number = await ApprovedChangeAsync(staff.Agent, staff.Approver, body: ChangeBody(customerId: customer));

        var refused = await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/schedule", new { plannedStart = Iso(Day(8, 10)), plannedEnd = Iso(Day(8, 12)) });

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict, "plannedStart", "/change-conflict");
        Assert.Contains(other, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var listed = Assert.Single(problem.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(other, listed.GetProperty("number").GetString());
        Assert.Equal(Day(8, 9), listed.GetProperty("plannedStart").GetDateTimeOffset());
        Assert.Equal("Scheduled", listed.GetProperty("status").GetString());

        var scheduled = await staff.Agent.ScheduleAsync(number, Day(8, 10), Day(8, 12), acknowledge: true);
        Assert.Equal("Scheduled", scheduled.GetProperty("status").GetString());
        Assert.Equal([other], scheduled.Strings("conflicts"));
    }

    [Fact]
    public async Task A_change_for_another_customer_in_the_same_window_does_not_conflict()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var acme = await factory.SeedCustomerAsync();
        var globex = await factory.SeedCustomerAsync();
        await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(9, 9), Day(9, 11), ChangeBody(customerId: acme), acknowledge: true);
        var number = await ApprovedChangeAsync(staff.Agent, staff.Approver, body: ChangeBody(customerId: globex));

        var scheduled = await staff.Agent.ScheduleAsync(number, Day(9, 10), Day(9, 12));

        Assert.Empty(scheduled.Strings("conflicts"));
    }

    [Fact]
    public async Task A_window_that_only_touches_another_change_is_scheduled_without_conflicts()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(10, 9), Day(10, 11), ChangeBody(customerId: customer), acknowledge: true);
        var number = await ApprovedChangeAsync(staff.Agent, staff.Approver, body: ChangeBody(customerId: customer));

        var scheduled = await staff.Agent.ScheduleAsync(number, Day(10, 11), Day(10, 12));

        Assert.Empty(scheduled.Strings("conflicts"));
    }

    [Fact]
    public async Task An_emergency_change_is_scheduled_over_a_conflict_which_is_recorded()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var other = await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(11, 9), Day(11, 11), ChangeBody(customerId: customer), acknowledge: true);
        var number = await ApprovedChangeAsync(staff.Agent, staff.Approver, body: ChangeBody("Emergency", "High", customer));

        var scheduled = await staff.Agent.ScheduleAsync(number, Day(11, 10), Day(11, 12));

        Assert.Equal([other], scheduled.Strings("conflicts"));
    }

    [Fact]
    public async Task A_rescheduled_change_does_not_conflict_with_its_own_earlier_window()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var number = await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(12, 9), Day(12, 11), ChangeBody(customerId: customer));

        var moved = await staff.Agent.ScheduleAsync(number, Day(12, 10), Day(12, 12));

        Assert.Empty(moved.Strings("conflicts"));
        Assert.Equal(Day(12, 10), moved.GetProperty("plannedStart").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_window_in_the_past_is_422_and_an_end_before_the_start_is_400()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = await ApprovedChangeAsync(staff.Agent, staff.Approver);
        var now = factory.Clock.GetUtcNow();

        var past = await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/schedule", new { plannedStart = Iso(now.AddHours(-1)), plannedEnd = Iso(now.AddHours(1)) });
        await past.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "plannedStart", "/window-in-the-past");

        var backwards = await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/schedule", new { plannedStart = Iso(Day(13, 12)), plannedEnd = Iso(Day(13, 10)) });
        await backwards.AssertProblemAsync(HttpStatusCode.BadRequest, "plannedEnd");

        await (await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/schedule", new { plannedEnd = Iso(Day(13, 10)) })).AssertProblemAsync(HttpStatusCode.BadRequest, "plannedStart");
    }

    [Fact]
    public async Task Scheduling_follows_the_clock_a_window_planned_for_later_becomes_past()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = await ApprovedChangeAsync(staff.Agent, staff.Approver);
        var start = factory.Clock.GetUtcNow().AddMinutes(30);

        factory.Clock.Advance(TimeSpan.FromHours(1));

        await (await staff.Agent.PostJsonAsync($"{ChangesRoute}/{number}/schedule", new { plannedStart = Iso(start), plannedEnd = Iso(start.AddHours(2)) }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, typeEndsWith: "/window-in-the-past");
    }

    [Fact]
    public async Task A_Scheduled_change_may_start_before_its_window_opens()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var number = await ScheduledChangeAsync(staff.Agent, staff.Approver, Day(14, 9), Day(14, 11), acknowledge: true);

        var started = await staff.Agent.ActAsync(number, "start");

        Assert.Equal("Implementing", started.GetProperty("status").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), started.GetProperty("actualStart").GetDateTimeOffset());
        Assert.True(started.GetProperty("actualStart").GetDateTimeOffset() < started.GetProperty("plannedStart").GetDateTimeOffset());
    }
}
