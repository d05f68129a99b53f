using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Reports;

/// <summary>
/// The SLA compliance and service-quality reports and the SLA lists (domain.md sections 5 and 8), with expectations
/// worked out by hand from the period rules on the driver's calendar (Mon-Fri 09:00-12:00, 13:00-18:00 UTC; P1
/// response 60, resolution 480 minutes; P4 480 / 4800). Each test has its own customer and service level and starts on
/// a Monday of its own, so tests sharing the host do not see each other's tickets through a Customer key.
/// </summary>
public sealed class ReportTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private const string Compliance = "/api/v1/reports/sla-compliance";
    private const string Quality = "/api/v1/reports/service-quality";

    [Fact]
    public async Task Compliance_counts_each_clock_in_the_period_its_outcome_was_decided_and_leaves_cancelled_tickets_out()
    {
        var d = await new ReportDriver(factory).StartAsync();
        var fri = d.Monday.AddDays(4);
        var mon = d.Monday.AddDays(7);
        var tue = mon.AddDays(1);

        var f = await d.OpenAsync(fri.AddHours(8.5)); // Fri 17:30: response due Mon 09:30 (30 + 30 business minutes)
        await d.AssignAsync(f, fri.AddHours(8.5));
        var (c, dd, e, j) = (await d.OpenAsync(mon), await d.OpenAsync(mon), await d.OpenAsync(mon), await d.OpenAsync(mon)); // response due 10:00, resolution 18:00
        var k = await d.OpenAsync(mon, impact: "Low", urgency: "Low"); // P4
        foreach (var url in new[] { c, dd, e, j, k })
            await d.AssignAsync(url, mon);

        await d.StartAsync(c, mon.AddMinutes(30));                 // response met 09:30: before the period
        await d.StartAsync(dd, mon.AddHours(1));                   // response met 10:00: at from, in
        var h = await d.OpenAsync(mon.AddHours(1));                // resolution due Tue 10:00
        await d.AssignAsync(h, mon.AddHours(1));
        await d.StartAsync(h, mon.AddHours(1.25));                 // response met 10:15: in
        await d.StartAsync(k, mon.AddHours(1.5));                  // P4 response met 10:30: in
        await d.StartAsync(e, mon.AddHours(2));                    // response breached at its due time 10:00: in
        await d.StartAsync(f, mon.AddHours(2));                    // response breached at Mon 09:30: before the period
        await d.ResolveAsync(dd, mon.AddHours(2));                 // resolution met 11:00: in
        await d.CancelAsync(j, mon.AddHours(2));                   // breached at 10:00, then cancelled: left out
        await d.ResolveAsync(f, mon.AddHours(2.5));                // resolution met 11:30: in
        await d.ResolveAsync(e, mon.AddHours(8));                  // resolution met 17:00: in
        var g = await d.OpenAsync(tue);
        await d.AssignAsync(g, tue);
        await d.ResolveAsync(c, tue.AddMinutes(30));               // resolution breached at its due time Mon 18:00: in
        await d.StartAsync(g, tue.AddHours(1));                    // response met Tue 10:00: at to, out
        await d.ResolveAsync(k, tue.AddHours(1.5));                // P4 resolution met Tue 10:30: after the period
        var period = ReportDriver.Period(mon.AddHours(1), tue.AddHours(1));

        var report = await ReportDriver.GetAsync(d.Customer, $"{Compliance}?{period}&groupBy=priority");

        Assert.Equal("priority", report.GetProperty("groupBy").GetString());
        Assert.Equal(2, report.GetProperty("groups").GetArrayLength());
        var p1 = ReportDriver.Group(report, "P1");
        // Response: met D, H; breached E (F breached before, C met before, G met at 'to', J cancelled).
        AssertCompliance(p1, 2, 1, 66.67, 3, 1, 75);
        // Resolution: met D, F, E; breached C.
        var p4 = ReportDriver.Group(report, "P4");
        Assert.Equal(1, p4.GetProperty("responseMet").GetInt32());
        Assert.Equal(100, p4.GetProperty("responseCompliancePercent").GetDouble());
        Assert.Equal(0, p4.GetProperty("resolutionMet").GetInt32() + p4.GetProperty("resolutionBreached").GetInt32());
        Assert.Equal(JsonValueKind.Null, p4.GetProperty("resolutionCompliancePercent").ValueKind);

        // A manager sees the same clocks under the level's code: P1 and P4 together.
        using var manager = (await factory.CreateClientWithRolesAsync(null, "Manager")).Client;
        var byLevel = await ReportDriver.GetAsync(manager, $"{Compliance}?{period}&groupBy=serviceLevel");
        AssertCompliance(ReportDriver.Group(byLevel, d.LevelCode), 3, 1, 75, 3, 1, 75);

        // The breach list of the period holds exactly the breached clocks counted above, newest first, one per page.
        var first = await ReportDriver.GetAsync(d.Customer, $"/api/v1/sla/breaches?{period}&limit=1");
        var breach = Assert.Single(first.GetProperty("items").EnumerateArray());
        Assert.Equal(ReportDriver.NumberOf(c), breach.GetProperty("number").GetString());
        Assert.Equal("Resolution", breach.GetProperty("clock").GetString());
        Assert.Equal(d.CustomerCode, breach.GetProperty("customer").GetString());
        Assert.Equal("P1", breach.GetProperty("priority").GetString());
        Assert.Equal(480, breach.GetProperty("targetMinutes").GetInt32());
        Assert.Equal(mon.AddHours(9), DateTimeOffset.Parse(breach.GetProperty("breachedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var second = await ReportDriver.GetAsync(d.Customer, $"/api/v1/sla/breaches?{period}&limit=1&cursor={first.GetProperty("nextCursor").GetString()}");
        breach = Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal(ReportDriver.NumberOf(e), breach.GetProperty("number").GetString());
        Assert.Equal("Response", breach.GetProperty("clock").GetString());
        Assert.Equal(mon.AddHours(1), DateTimeOffset.Parse(breach.GetProperty("breachedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        // The same report as CSV, parsed back: one header row with the JSON names, one row per group.
        var (response, bytes, rows, header) = await ReportDriver.GetCsvAsync(d.Customer, $"{Compliance}?{period}&groupBy=priority");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(["key", "responseMet", "responseBreached", "responseCompliancePercent", "resolutionMet", "resolutionBreached", "resolutionCompliancePercent"], header);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["P1", "2", "1", "66.67", "3", "1", "75"], header.Select(n => rows[0][n]));
        Assert.Equal(["P4", "1", "0", "100", "0", "0", ""], header.Select(n => rows[1][n]));
    }

    [Fact]
    public async Task Mtta_and_mttr_are_in_business_minutes_without_lunch_weekend_or_pause_and_in_clock_minutes()
    {
        var d = await new ReportDriver(factory).StartAsync();
        var fri = d.Monday.AddDays(4);
        var mon = d.Monday.AddDays(7);

        var a = await d.OpenAsync(fri.AddHours(2));     // Fri 11:00
        await d.AssignAsync(a, fri.AddHours(2));
        await d.StartAsync(a, fri.AddHours(5));         // Fri 14:00: 60 + 60 business minutes (lunch), 180 on the clock
        await d.HoldAsync(a, fri.AddHours(7));          // Fri 16:00: 60 + 180 counted so far
        var b = await d.OpenAsync(fri.AddHours(8));     // Fri 17:00
        await d.AssignAsync(b, fri.AddHours(8));
        await d.StartAsync(b, mon.AddHours(0.5));       // Mon 09:30: 60 + 30 business minutes (weekend), 3870 on the clock
        await d.ResumeAsync(a, mon.AddHours(1));        // Mon 10:00: the pause (Fri 16:00-18:00, Mon 09:00-10:00) does not count
        await d.ResolveAsync(b, mon.AddHours(2));       // Mon 11:00: 60 + 120 = 180 business, 3960 on the clock
        await d.ResolveAsync(a, mon.AddHours(5.5));     // Mon 14:30: 240 + 120 + 90 = 450 business, 4530 on the clock

        var both = ReportDriver.Group(await ReportDriver.GetAsync(d.Customer, $"{Quality}?{ReportDriver.Period(d.Monday, mon.AddDays(7))}&groupBy=customer"), d.CustomerCode);

        Assert.Equal(2, both.GetProperty("opened").GetInt32());
        Assert.Equal(2, both.GetProperty("resolved").GetInt32());
        Assert.Equal(105, both.GetProperty("mttaBusinessMinutes").GetInt64());   // (120 + 90) / 2
        Assert.Equal(2025, both.GetProperty("mttaClockMinutes").GetInt64());     // (180 + 3870) / 2
        Assert.Equal(315, both.GetProperty("mttrBusinessMinutes").GetInt64());   // (450 + 180) / 2; with the pause it would be 405
        Assert.Equal(4245, both.GetProperty("mttrClockMinutes").GetInt64());     // (4530 + 3960) / 2
        Assert.Equal(0, both.GetProperty("reopenRate").GetDouble());
        Assert.Equal(JsonValueKind.Null, both.GetProperty("satisfactionIndex").ValueKind);
        Assert.Equal(JsonValueKind.Null, both.GetProperty("overallMean").ValueKind);
        Assert.Equal(0, both.GetProperty("ratings").GetInt32());

        // Week 2 only: nothing opened; only B was acknowledged in it; both were resolved in it.
        var week2 = ReportDriver.Group(await ReportDriver.GetAsync(d.Customer, $"{Quality}?{ReportDriver.Period(mon.AddHours(-9), mon.AddDays(7))}&groupBy=customer"), d.CustomerCode);
        Assert.Equal(0, week2.GetProperty("opened").GetInt32());
        Assert.Equal(90, week2.GetProperty("mttaBusinessMinutes").GetInt64());
        Assert.Equal(3870, week2.GetProperty("mttaClockMinutes").GetInt64());
        Assert.Equal(315, week2.GetProperty("mttrBusinessMinutes").GetInt64());
        Assert.Equal(4245, week2.GetProperty("mttrClockMinutes").GetInt64());
    }

    [Fact]
    public async Task Reopen_rate_and_satisfaction_index_with_equal_weights_and_cancelled_tickets_left_out()
    {
        var d = await new ReportDriver(factory).StartAsync();
        var tickets = await ResolvedReopenedAndRatedAsync(d);

        var group = ReportDriver.Group(await ReportDriver.GetAsync(d.Customer, $"{Quality}?{ReportDriver.Period(d.Monday.AddHours(-9), d.Monday.AddDays(1))}&groupBy=priority"), "P1");

        Assert.Equal(4, group.GetProperty("opened").GetInt32());             // the cancelled fifth is left out
        Assert.Equal(4, group.GetProperty("resolved").GetInt32());
        Assert.Equal(50, group.GetProperty("reopenRate").GetDouble());       // 2 reopened / 4 resolved
        Assert.Equal(10, group.GetProperty("mttaBusinessMinutes").GetInt64());
        Assert.Equal(68, group.GetProperty("mttrBusinessMinutes").GetInt64()); // (60 + 60 + 60 + 90) / 4 = 67.5, rounded half away from zero
        Assert.Equal(75, group.GetProperty("mttrClockMinutes").GetInt64());    // (60 + 60 + 60 + 120) / 4
        // Scores: 7,6,5,4,3 -> mean 5 -> 66.67; all 7 -> 100. Index = (66.666.. + 100) / 2.
        Assert.Equal(83.33, group.GetProperty("satisfactionIndex").GetDouble());
        Assert.Equal(6.5, group.GetProperty("overallMean").GetDouble());
        Assert.Equal(2, group.GetProperty("ratings").GetInt32());
        Assert.Equal(5, tickets.Count);
    }

    /// <summary>
    /// Five P1 tickets opened Monday 09:00, acknowledged 09:10; four resolved 10:00; the fifth cancelled. Two reopened
    /// at 10:30, the first resolved again at 11:00 (90 business minutes). The third and fourth rated at 11:30.
    /// </summary>
    internal static async Task<List<string>> ResolvedReopenedAndRatedAsync(ReportDriver d)
    {
        var mon = d.Monday;
        var urls = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            urls.Add(await d.OpenAsync(mon));
            await d.AssignAsync(urls[i], mon);
        }

        await d.CancelAsync(urls[4], mon.AddMinutes(5));
        foreach (var url in urls.Take(4))
            await d.StartAsync(url, mon.AddMinutes(10));
        foreach (var url in urls.Take(4))
            await d.ResolveAsync(url, mon.AddHours(1));
        await d.ReopenAsync(urls[0], mon.AddHours(1.5));
        await d.ReopenAsync(urls[1], mon.AddHours(1.5));
        await d.ResolveAsync(urls[0], mon.AddHours(2));
        await d.RateAsync(urls[2], mon.AddHours(2.5), 6, 7, 6, 5, 4, 3);
        await d.RateAsync(urls[3], mon.AddHours(2.5), 7, 7, 7, 7, 7, 7);
        return urls;
    }

    [Fact]
    public async Task At_risk_lists_running_clocks_from_75_percent_in_business_time_soonest_due_first()
    {
        var d = await new ReportDriver(factory).StartAsync();
        var mon = d.Monday;
        var t1 = await d.OpenAsync(mon);                  // response 75 % at 09:45; resolution 75 % (360) at 16:00 after lunch
        await d.AssignAsync(t1, mon);
        var t2 = await d.OpenAsync(mon.AddMinutes(40));   // resolution 75 % at 16:40, due Tue 09:40
        await d.AssignAsync(t2, mon.AddMinutes(40));

        d.At(mon.AddMinutes(50));
        var early = await ReportDriver.GetAsync(d.Customer, "/api/v1/sla/at-risk");
        var item = Assert.Single(early.GetProperty("items").EnumerateArray());
        Assert.Equal(ReportDriver.NumberOf(t1), item.GetProperty("number").GetString());
        Assert.Equal("Response", item.GetProperty("clock").GetString());
        Assert.Equal(83, item.GetProperty("percentage").GetInt32());      // 50 / 60
        Assert.Equal(d.CustomerCode, item.GetProperty("customer").GetString());
        Assert.Equal("P1", item.GetProperty("priority").GetString());

        await d.StartAsync(t1, mon.AddMinutes(55));
        await d.StartAsync(t2, mon.AddHours(1));
        d.At(mon.AddHours(6).AddMinutes(59)); // 15:59: 359 business minutes, not yet 75 % (wall-clock 75 % of 09:00-18:00 would be 15:45)
        Assert.Equal(0, (await ReportDriver.GetAsync(d.Customer, "/api/v1/sla/at-risk")).GetProperty("items").GetArrayLength());

        d.At(mon.AddHours(7).AddMinutes(40)); // 16:40
        var page1 = await ReportDriver.GetAsync(d.Customer, "/api/v1/sla/at-risk?limit=1");
        var soonest = Assert.Single(page1.GetProperty("items").EnumerateArray());
        Assert.Equal(ReportDriver.NumberOf(t1), soonest.GetProperty("number").GetString());
        Assert.Equal("Resolution", soonest.GetProperty("clock").GetString());
        Assert.Equal(83, soonest.GetProperty("percentage").GetInt32());   // 180 + 220 = 400 / 480
        Assert.Equal(mon.AddHours(9), DateTimeOffset.Parse(soonest.GetProperty("dueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var page2 = await ReportDriver.GetAsync(d.Customer, $"/api/v1/sla/at-risk?limit=1&cursor={page1.GetProperty("nextCursor").GetString()}");
        var next = Assert.Single(page2.GetProperty("items").EnumerateArray());
        Assert.Equal(ReportDriver.NumberOf(t2), next.GetProperty("number").GetString());
        Assert.Equal(75, next.GetProperty("percentage").GetInt32());      // 140 + 220 = 360 / 480
        Assert.Equal(mon.AddDays(1).AddMinutes(40), DateTimeOffset.Parse(next.GetProperty("dueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("nextCursor").ValueKind);

        var (response, _, rows, header) = await ReportDriver.GetCsvAsync(d.Customer, "/api/v1/sla/at-risk?limit=1");
        Assert.Equal(["number", "customer", "priority", "clock", "percentage", "dueAt"], header);
        Assert.Equal([ReportDriver.NumberOf(t1), d.CustomerCode, "P1", "Resolution", "83"], header.Take(5).Select(n => rows.Single()[n]));
        Assert.Equal(page1.GetProperty("nextCursor").GetString(), response.Headers.GetValues("X-Next-Cursor").Single());

        // A manager sees them too, among everyone's.
        using var manager = (await factory.CreateClientWithRolesAsync(null, "Manager")).Client;
        var all = await ReportDriver.GetAsync(manager, "/api/v1/sla/at-risk?limit=200");
        Assert.Contains(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("number").GetString() == ReportDriver.NumberOf(t2));
    }

    [Fact]
    public async Task A_customer_sees_only_its_own_groups_and_lists()
    {
        var mine = await new ReportDriver(factory).StartAsync();
        var theirs = await new ReportDriver(factory).StartAsync();
        var mon = mine.Monday;
        var a = await mine.OpenAsync(mon);
        var b = await theirs.OpenAsync(mon);
        await mine.AssignAsync(a, mon);
        await theirs.AssignAsync(b, mon);
        await mine.StartAsync(a, mon.AddHours(2)); // response breached at 10:00
        await theirs.StartAsync(b, mon.AddHours(2));

        mine.At(mon.AddHours(7)); // 16:00: both resolution clocks at 75 %
        var period = ReportDriver.Period(mon, mon.AddDays(1));

        foreach (var groupBy in new[] { "customer", "priority", "productLine", "serviceLevel" })
        {
            var report = await ReportDriver.GetAsync(mine.Customer, $"{Compliance}?{period}&groupBy={groupBy}");
            var group = Assert.Single(report.GetProperty("groups").EnumerateArray());
            Assert.Equal(1, group.GetProperty("responseBreached").GetInt32());
        }

        Assert.Equal(mine.CustomerCode, ReportDriver.Group(await ReportDriver.GetAsync(mine.Customer, $"{Quality}?{period}&groupBy=customer"), mine.CustomerCode).GetProperty("key").GetString());
        var breaches = await ReportDriver.GetAsync(mine.Customer, $"/api/v1/sla/breaches?{period}");
        Assert.Equal([ReportDriver.NumberOf(a)], breaches.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()));
        var atRisk = await ReportDriver.GetAsync(mine.Customer, "/api/v1/sla/at-risk");
        Assert.Equal([ReportDriver.NumberOf(a)], atRisk.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()));

        using var manager = (await factory.CreateClientWithRolesAsync(null, "Manager")).Client;
        var byCustomer = await ReportDriver.GetAsync(manager, $"{Compliance}?{period}&groupBy=customer");
        Assert.Equal(1, ReportDriver.Group(byCustomer, mine.CustomerCode).GetProperty("responseBreached").GetInt32());
        Assert.Equal(1, ReportDriver.Group(byCustomer, theirs.CustomerCode).GetProperty("responseBreached").GetInt32());
    }

    [Fact]
    public async Task An_empty_period_is_200_with_no_groups()
    {
        var d = await new ReportDriver(factory).StartAsync();
        var period = ReportDriver.Period(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2020, 2, 1, 0, 0, 0, TimeSpan.Zero));

        foreach (var route in new[] { Compliance, Quality })
        {
            var report = await ReportDriver.GetAsync(d.Customer, $"{route}?{period}&groupBy=productLine");
            Assert.Equal(0, report.GetProperty("groups").GetArrayLength());
            Assert.Equal("productLine", report.GetProperty("groupBy").GetString());
        }
    }

    [Theory]
    [InlineData("to=2026-12-01T00:00:00Z&groupBy=customer", "from")]
    [InlineData("from=2026-11-01T00:00:00Z&groupBy=customer", "to")]
    [InlineData("from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z&groupBy=customer", "to")]
    [InlineData("from=2026-12-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=customer", "to")]
    [InlineData("from=2025-01-01T00:00:00Z&to=2026-02-05T00:00:01Z&groupBy=customer", "to")]
    [InlineData("from=2026-11-01&to=2026-12-01T00:00:00Z&groupBy=customer", "from")]
    [InlineData("from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=group", "groupBy")]
    [InlineData("from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z", "groupBy")]
    public async Task A_bad_period_or_grouping_is_400_naming_the_parameter(string query, string parameter)
    {
        using var manager = (await factory.CreateClientWithRolesAsync(null, "Manager")).Client;

        foreach (var route in new[] { Compliance, Quality })
            await (await manager.GetAsync($"{route}?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field: parameter);
        if (parameter != "groupBy")
            await (await manager.GetAsync($"/api/v1/sla/breaches?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field: parameter);
    }

    [Fact]
    public async Task A_period_of_exactly_400_days_is_accepted()
    {
        using var admin = factory.CreateAdminClient();

        var report = await ReportDriver.GetAsync(admin, $"{Quality}?from=2025-01-01T00:00:00Z&to=2026-02-05T00:00:00Z&groupBy=serviceLevel");

        Assert.Equal("serviceLevel", report.GetProperty("groupBy").GetString());
    }

    [Theory]
    [InlineData("/api/v1/sla/at-risk")]
    [InlineData("/api/v1/sla/breaches?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z")]
    [InlineData(Compliance + "?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=customer")]
    [InlineData(Quality + "?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=customer")]
    public async Task Agents_get_403_and_anonymous_callers_401(string url)
    {
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        using var anonymous = factory.CreateClient(apiKey: null);

        await (await agent.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/v1/sla/at-risk", "AtRiskClock")]
    [InlineData("/api/v1/sla/breaches", "SlaBreach")]
    [InlineData("/api/v1/reports/sla-compliance", "SlaComplianceGroup")]
    [InlineData("/api/v1/reports/service-quality", "ServiceQualityGroup")]
    public async Task The_OpenAPI_document_offers_json_and_csv_with_examples(string path, string rowSchema)
    {
        using var anonymous = factory.CreateClient(apiKey: null);
        var document = await (await anonymous.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();

        var get = document.GetProperty("paths").GetProperty(path).GetProperty("get");
        var content = get.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out _));
        Assert.True(content.TryGetProperty("text/csv", out _));
        Assert.True(get.GetProperty("responses").TryGetProperty("403", out _));
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty(rowSchema).GetProperty("properties");
        Assert.All(properties.EnumerateObject(), p => Assert.True(p.Value.TryGetProperty("example", out _), $"{rowSchema}.{p.Name} has an example"));
    }

    private static void AssertCompliance(JsonElement group, int responseMet, int responseBreached, double responsePercent, int resolutionMet, int resolutionBreached, double resolutionPercent)
    {
        Assert.Equal(responseMet, group.GetProperty("responseMet").GetInt32());
        Assert.Equal(responseBreached, group.GetProperty("responseBreached").GetInt32());
        Assert.Equal(responsePercent, group.GetProperty("responseCompliancePercent").GetDouble());
        Assert.Equal(resolutionMet, group.GetProperty("resolutionMet").GetInt32());
        Assert.Equal(resolutionBreached, group.GetProperty("resolutionBreached").GetInt32());
        Assert.Equal(resolutionPercent, group.GetProperty("resolutionCompliancePercent").GetDouble());
    }
}

/// <summary>The satisfaction index with <c>Satisfaction:Weights:Reliability=2</c>.</summary>
public sealed class WeightedSatisfactionIndexTests(WeightedSatisfactionIndexTests.WeightedFactory factory) : IClassFixture<WeightedSatisfactionIndexTests.WeightedFactory>
{
    [Fact]
    public async Task The_index_is_the_mean_score_under_the_configured_weights()
    {
        var d = await new ReportDriver(factory).StartAsync();
        await ReportTests.ResolvedReopenedAndRatedAsync(d);

        var group = ReportDriver.Group(await ReportDriver.GetAsync(d.Customer, $"/api/v1/reports/service-quality?{ReportDriver.Period(d.Monday, d.Monday.AddDays(1))}&groupBy=customer"), d.CustomerCode);

        // Weights 2,1,1,1,1: 7,6,5,4,3 -> (14 + 6 + 5 + 4 + 3) / 6 = 5.333.. -> 72.22; all 7 -> 100. Mean 86.11.
        Assert.Equal(86.11, group.GetProperty("satisfactionIndex").GetDouble());
        Assert.Equal(6.5, group.GetProperty("overallMean").GetDouble());
    }

    public sealed class WeightedFactory : ServiceDeskApiFactory
    {
        public WeightedFactory() => With("Satisfaction:Weights:Reliability", "2");
    }
}

/// <summary><c>Reports:MaxPeriodDays</c> raised to 731: two years are taken, a second more is a 400; a bad value stops the start.</summary>
public sealed class ReportPeriodLimitTests(ReportPeriodLimitTests.TwoYearFactory factory) : IClassFixture<ReportPeriodLimitTests.TwoYearFactory>
{
    [Fact]
    public async Task The_configured_limit_replaces_400_days()
    {
        using var manager = (await factory.CreateClientWithRolesAsync(null, "Manager")).Client;
        const string twoYears = "from=2024-12-01T00:00:00Z&to=2026-12-02T00:00:00Z";
        const string oneSecondMore = "from=2024-12-01T00:00:00Z&to=2026-12-02T00:00:01Z";

        foreach (var route in new[] { "/api/v1/reports/sla-compliance?groupBy=priority&", "/api/v1/reports/service-quality?groupBy=priority&", "/api/v1/sla/breaches?" })
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(route + twoYears)).StatusCode);
            await (await manager.GetAsync(route + oneSecondMore)).AssertProblemAsync(HttpStatusCode.BadRequest, field: "to");
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3661")]
    [InlineData("two years")]
    public async Task A_limit_that_is_not_a_whole_number_of_days_from_1_to_3660_stops_the_start_naming_the_setting(string value)
    {
        await using var misconfigured = new SameDatabaseApiFactory(factory.Database);
        misconfigured.With("Database:MigrateOnStartup", "false").With("Reports:MaxPeriodDays", value);

        var failure = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains("Reports:MaxPeriodDays", failure.ToString(), StringComparison.Ordinal);
    }

    public sealed class TwoYearFactory : ServiceDeskApiFactory
    {
        public TwoYearFactory() => With("Reports:MaxPeriodDays", "731");
    }
}
