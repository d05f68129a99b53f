using System.Net;
using System.Net.Http.Json;
using ServiceDesk.Api.Tests.Customers;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.ServiceLevels;

/// <summary>The service level routes: seeded levels, create and replace, calendar references, retire and delete, ETags, roles.</summary>
public sealed class ServiceLevelEndpointTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static object Body(string code, string calendarCode = "5X8-CN", string? responseCalendarCode = null, object? targets = null, int rank = 5) => new
    {
        code,
        name = $"Level {code}",
        nameZh = "测试",
        rank,
        calendarCode,
        responseCalendarCode,
        priceMultiplier = 1.2m,
        availabilityTargetPercent = 99.5m,
        onSiteArrivalMinutes = 480,
        targets = targets ?? new Dictionary<string, object>
        {
            ["P1"] = new { responseMinutes = 60, resolutionMinutes = 480 },
            ["P2"] = new { responseMinutes = 120, resolutionMinutes = 960 },
            ["P3"] = new { responseMinutes = 240, resolutionMinutes = 2400 },
            ["P4"] = new { responseMinutes = 480, resolutionMinutes = 4800 },
        },
    };

    private static async Task<(string Code, string ETag)> CreateAsync(HttpClient admin)
    {
        var code = HttpClientExtensions.NewCode("SL");
        var response = await admin.PostAsJsonAsync("/api/v1/service-levels", Body(code));
        await response.ReadJsonAsync(HttpStatusCode.Created);
        return (code, response.ETag());
    }

    [Fact]
    public async Task The_four_seeded_levels_are_listed_best_rank_first()
    {
        using var client = factory.CreateAdminClient();

        var page = await (await client.GetAsync("/api/v1/service-levels?status=Active")).ReadJsonAsync();
        var codes = page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("code").GetString()).ToList();
        Assert.Equal(["PLATINUM", "GOLD", "SILVER", "BRONZE"], codes.Where(c => c is "PLATINUM" or "GOLD" or "SILVER" or "BRONZE"));

        var bronze = await (await client.GetAsync("/api/v1/service-levels/BRONZE")).ReadJsonAsync();
        Assert.Equal("5X8-CN", bronze.GetProperty("calendarCode").GetString());
        Assert.Equal("24X7", bronze.GetProperty("responseCalendarCode").GetString());
        Assert.Equal(4, bronze.GetProperty("rank").GetInt32());
        Assert.Equal(240, bronze.GetProperty("targets").GetProperty("P1").GetProperty("responseMinutes").GetInt32());
        Assert.Equal(7200, bronze.GetProperty("targets").GetProperty("P4").GetProperty("resolutionMinutes").GetInt32());
        Assert.Equal("Active", bronze.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Levels_are_paged_and_a_bad_status_filter_is_refused()
    {
        using var client = factory.CreateAdminClient();

        var first = await (await client.GetAsync("/api/v1/service-levels?limit=2")).ReadJsonAsync();
        var second = await (await client.GetAsync("/api/v1/service-levels?limit=2&cursor=" + Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!))).ReadJsonAsync();

        Assert.Equal(["PLATINUM", "GOLD"], first.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("code").GetString()!).ToArray());
        Assert.Equal(["SILVER", "BRONZE"], second.GetProperty("items").EnumerateArray().Take(2).Select(l => l.GetProperty("code").GetString()!).ToArray());
        await (await client.GetAsync("/api/v1/service-levels?status=Gone")).AssertProblemAsync(HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task A_created_level_has_a_location_and_an_ETag_and_answers_304_to_it()
    {
        using var admin = factory.CreateAdminClient();
        var code = HttpClientExtensions.NewCode("SL");

        var response = await admin.PostAsJsonAsync("/api/v1/service-levels", Body(code, responseCalendarCode: "24X7"));
        var created = await response.ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/service-levels/{code}", response.Headers.Location?.OriginalString);
        Assert.Equal("24X7", created.GetProperty("responseCalendarCode").GetString());
        Assert.Equal(2400, created.GetProperty("targets").GetProperty("P3").GetProperty("resolutionMinutes").GetInt32());
        Assert.Equal(HttpStatusCode.NotModified, (await admin.GetIfNoneMatchAsync($"/api/v1/service-levels/{code}", response.ETag())).StatusCode);
        await (await admin.PostAsJsonAsync("/api/v1/service-levels", Body(code))).AssertProblemAsync(HttpStatusCode.Conflict, "code");
    }

    public static TheoryData<string, string> InvalidLevels => new()
    {
        { """{ "code": "X1", "name": "X", "rank": 1, "calendarCode": "NO-SUCH-CAL", "priceMultiplier": 1, "availabilityTargetPercent": 99, "targets": {} }""", "calendarCode" },
        { """{ "code": "X1", "name": "X", "rank": 1, "calendarCode": "24X7", "responseCalendarCode": "NO-SUCH-CAL", "priceMultiplier": 1, "availabilityTargetPercent": 99, "targets": {} }""", "responseCalendarCode" },
        { """{ "code": "X1", "name": "X", "rank": 1, "calendarCode": "24X7", "priceMultiplier": 1, "availabilityTargetPercent": 99, "targets": { "P1": { "responseMinutes": 1, "resolutionMinutes": 2 }, "P2": { "responseMinutes": 1, "resolutionMinutes": 2 }, "P4": { "responseMinutes": 1, "resolutionMinutes": 2 } } }""", "targets.P3" },
        { """{ "code": "X1", "name": "X", "rank": 1, "calendarCode": "24X7", "priceMultiplier": 1, "availabilityTargetPercent": 99, "targets": { "P5": { "responseMinutes": 1, "resolutionMinutes": 2 } } }""", "targets.P5" },
        { """{ "code": "X1", "name": "X", "rank": 1, "calendarCode": "24X7", "priceMultiplier": 1, "availabilityTargetPercent": 99, "targets": { "P1": { "responseMinutes": 60, "resolutionMinutes": 30 }, "P2": { "responseMinutes": 1, "resolutionMinutes": 2 }, "P3": { "responseMinutes": 1, "resolutionMinutes": 2 }, "P4": { "responseMinutes": 1, "resolutionMinutes": 2 } } }""", "targets.P1.resolutionMinutes" },
        { """{ "code": "X1", "name": "X", "rank": 1, "calendarCode": "24X7", "priceMultiplier": 1, "availabilityTargetPercent": 99, "targets": { "P1": { "resolutionMinutes": 30 } } }""", "targets.P1.responseMinutes" },
        { """{ "code": "X1", "name": "X", "rank": 0, "calendarCode": "24X7", "priceMultiplier": 1, "availabilityTargetPercent": 99, "targets": {} }""", "rank" },
        { """{ "code": "X1", "name": "X", "rank": 1, "calendarCode": "24X7", "priceMultiplier": 0, "availabilityTargetPercent": 99, "targets": {} }""", "priceMultiplier" },
        { """{ "code": "X1", "name": "X", "rank": 1, "calendarCode": "24X7", "priceMultiplier": 1, "availabilityTargetPercent": 101, "targets": {} }""", "availabilityTargetPercent" },
        { """{ "code": "X1", "name": "X", "rank": 1, "calendarCode": "24X7", "priceMultiplier": 1, "availabilityTargetPercent": 99 }""", "targets" },
        { """{ "code": "X1", "rank": 1, "calendarCode": "24X7", "priceMultiplier": 1, "availabilityTargetPercent": 99, "targets": {} }""", "name" },
        { """{ "code": "X1", "name": "X", "rank": "first", "calendarCode": "24X7", "priceMultiplier": 1, "availabilityTargetPercent": 99, "targets": {} }""", "rank" },
    };

    [Theory]
    [MemberData(nameof(InvalidLevels))]
    public async Task An_invalid_level_is_refused_naming_the_field(string json, string field)
    {
        using var admin = factory.CreateAdminClient();

        await (await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/service-levels", json)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Replacing_a_level_changes_its_ETag_and_a_stale_ETag_is_refused()
    {
        using var admin = factory.CreateAdminClient();
        var (code, etag) = await CreateAsync(admin);

        var updated = await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/service-levels/{code}", Body(code, calendarCode: "7X12-CN", rank: 7), etag);
        var body = await updated.ReadJsonAsync();
        Assert.Equal("7X12-CN", body.GetProperty("calendarCode").GetString());
        Assert.Equal(7, body.GetProperty("rank").GetInt32());
        Assert.NotEqual(etag, updated.ETag());

        await (await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/service-levels/{code}", Body(code), etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/service-levels/{code}", Body(code, calendarCode: "NO-SUCH-CAL"))).AssertProblemAsync(HttpStatusCode.BadRequest, "calendarCode");
        await (await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/service-levels/NO-SUCH-LEVEL", Body("NO-SUCH-LEVEL"))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_retired_level_is_listed_as_retired_and_cannot_be_retired_again()
    {
        using var admin = factory.CreateAdminClient();
        var (code, etag) = await CreateAsync(admin);

        var retired = await (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/service-levels/{code}/retire", ifMatch: etag)).ReadJsonAsync();
        Assert.Equal("Retired", retired.GetProperty("status").GetString());

        await (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/service-levels/{code}/retire")).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/illegal-transition");
        var list = await (await admin.GetAsync("/api/v1/service-levels?status=Retired&limit=200")).ReadJsonAsync();
        Assert.Contains(code, list.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_level_no_agreement_uses_can_be_deleted()
    {
        using var admin = factory.CreateAdminClient();
        var (code, etag) = await CreateAsync(admin);

        await (await admin.SendJsonAsync(HttpMethod.Delete, $"/api/v1/service-levels/{code}", ifMatch: "\"999\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendJsonAsync(HttpMethod.Delete, $"/api/v1/service-levels/{code}", ifMatch: etag)).StatusCode);

        await (await admin.GetAsync($"/api/v1/service-levels/{code}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.SendJsonAsync(HttpMethod.Delete, $"/api/v1/service-levels/{code}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_level_in_use_by_an_agreement_cannot_be_deleted_only_retired()
    {
        using var admin = factory.CreateAdminClient();
        var (code, _) = await CreateAsync(admin);
        var customer = await CustomerApi.CreateAsync(factory);
        await CustomerApi.AddAgreementAsync(factory, customer.Id, code, line: "OPS");

        await (await admin.SendJsonAsync(HttpMethod.Delete, $"/api/v1/service-levels/{code}")).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/service-level-in-use");

        await (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/service-levels/{code}/retire")).ReadJsonAsync();
        await (await admin.GetAsync($"/api/v1/service-levels/{code}")).ReadJsonAsync();
    }

    [Fact]
    public async Task Any_caller_may_read_levels_but_only_an_admin_may_write_them()
    {
        var (agent, _, _) = await factory.CreateClientWithRolesAsync(null, "Agent", "Manager");
        using (agent)
        {
            await (await agent.GetAsync("/api/v1/service-levels/GOLD")).ReadJsonAsync();
            await (await agent.PostAsJsonAsync("/api/v1/service-levels", Body(HttpClientExtensions.NewCode("SL")))).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await agent.SendJsonAsync(HttpMethod.Put, "/api/v1/service-levels/GOLD", Body("GOLD"))).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await agent.SendJsonAsync(HttpMethod.Post, "/api/v1/service-levels/GOLD/retire")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await agent.SendJsonAsync(HttpMethod.Delete, "/api/v1/service-levels/GOLD")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }
}
