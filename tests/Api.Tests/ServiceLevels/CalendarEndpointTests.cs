using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceDesk.Api.Tests.Customers;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.ServiceLevels;

/// <summary>The calendar routes: seeded calendars, create and replace, holidays and extra working days, validation, ETags, roles.</summary>
public sealed class CalendarEndpointTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    internal static object Body(string code, string timeZone = "Europe/Berlin", object? weekly = null, string[]? holidays = null, string[]? extraWorkingDays = null, object? extraWorkingDayHours = null) => new
    {
        code,
        name = $"Calendar {code}",
        timeZone,
        weekly = weekly ?? OfficeWeek,
        holidays = holidays ?? [],
        extraWorkingDays = extraWorkingDays ?? [],
        extraWorkingDayHours,
    };

    private static readonly object OfficeWeek = new Dictionary<string, object[]>
    {
        ["Mon"] = [new { start = "09:00", end = "12:00" }, new { start = "13:00", end = "17:00" }],
        ["Tue"] = [new { start = "09:00", end = "17:00" }],
        ["Wed"] = [new { start = "09:00", end = "17:00" }],
        ["Thu"] = [new { start = "09:00", end = "17:00" }],
        ["Fri"] = [new { start = "09:00", end = "17:00" }],
        ["Sat"] = [],
        ["Sun"] = [],
    };

    private static async Task<(string Code, string ETag)> CreateAsync(HttpClient admin, string? timeZone = null, string[]? holidays = null, string[]? extraWorkingDays = null)
    {
        var code = HttpClientExtensions.NewCode("CAL");
        var response = await admin.PostAsJsonAsync("/api/v1/calendars", Body(code, timeZone ?? "Europe/Berlin", holidays: holidays, extraWorkingDays: extraWorkingDays));
        await response.ReadJsonAsync(HttpStatusCode.Created);
        return (code, response.ETag());
    }

    [Fact]
    public async Task The_three_calendars_of_the_reference_data_are_seeded()
    {
        using var client = factory.CreateAdminClient();

        var page = await (await client.GetAsync("/api/v1/calendars?limit=200")).ReadJsonAsync();
        var codes = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Contains("24X7", codes);
        Assert.Contains("7X12-CN", codes);
        Assert.Contains("5X8-CN", codes);
        Assert.Equal(codes.Order(StringComparer.Ordinal).ToList(), codes);

        var allDay = await (await client.GetAsync("/api/v1/calendars/24X7")).ReadJsonAsync();
        Assert.Equal("Asia/Shanghai", allDay.GetProperty("timeZone").GetString());
        Assert.Equal(7 * 24 * 60, allDay.GetProperty("weeklyWorkingMinutes").GetInt64());
        var sunday = Assert.Single(allDay.GetProperty("weekly").GetProperty("Sun").EnumerateArray());
        Assert.Equal("00:00", sunday.GetProperty("start").GetString());
        Assert.Equal("24:00", sunday.GetProperty("end").GetString());

        var office = await (await client.GetAsync("/api/v1/calendars/5X8-CN")).ReadJsonAsync();
        Assert.Equal(2_400, office.GetProperty("weeklyWorkingMinutes").GetInt64());
        Assert.Equal(2, office.GetProperty("weekly").GetProperty("Mon").GetArrayLength());
        Assert.Equal(0, office.GetProperty("weekly").GetProperty("Sat").GetArrayLength());
        Assert.Contains("2026-10-01", office.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["2026-01-04", "2026-10-10"], office.GetProperty("extraWorkingDays").EnumerateArray().Select(d => d.GetString()!).ToArray());
    }

    [Fact]
    public async Task Calendars_are_paged_by_code()
    {
        using var client = factory.CreateAdminClient();

        var first = await (await client.GetAsync("/api/v1/calendars?limit=1")).ReadJsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        var second = await (await client.GetAsync("/api/v1/calendars?limit=1&cursor=" + Uri.EscapeDataString(cursor))).ReadJsonAsync();

        Assert.True(string.CompareOrdinal(
            first.GetProperty("items")[0].GetProperty("code").GetString(),
            second.GetProperty("items")[0].GetProperty("code").GetString()) < 0);
        await (await client.GetAsync("/api/v1/calendars?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await client.GetAsync("/api/v1/calendars?cursor=nonsense")).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task A_created_calendar_is_returned_with_its_location_and_ETag_and_answers_304_to_that_ETag()
    {
        using var admin = factory.CreateAdminClient();
        var code = HttpClientExtensions.NewCode("CAL");

        var response = await admin.PostAsJsonAsync("/api/v1/calendars", Body(
            code,
            "America/New_York",
            holidays: ["2026-11-26"],
            extraWorkingDays: ["2026-11-28", "2026-11-29"],
            extraWorkingDayHours: new Dictionary<string, object[]> { ["2026-11-29"] = [new { start = "10:00", end = "14:00" }] }));
        var created = await response.ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/calendars/{code}", response.Headers.Location?.OriginalString);
        Assert.Equal("America/New_York", created.GetProperty("timeZone").GetString());
        Assert.Equal(2_340, created.GetProperty("weeklyWorkingMinutes").GetInt64());
        Assert.Equal(["2026-11-28", "2026-11-29"], created.GetProperty("extraWorkingDays").EnumerateArray().Select(d => d.GetString()!).ToArray());
        var hours = created.GetProperty("extraWorkingDayHours");
        Assert.False(hours.TryGetProperty("2026-11-28", out _));
        Assert.Equal("14:00", hours.GetProperty("2026-11-29")[0].GetProperty("end").GetString());

        var read = await admin.GetAsync($"/api/v1/calendars/{code}");
        Assert.Equal(response.ETag(), read.ETag());
        Assert.Equal(HttpStatusCode.NotModified, (await admin.GetIfNoneMatchAsync($"/api/v1/calendars/{code}", read.ETag())).StatusCode);
    }

    [Fact]
    public async Task A_code_that_is_taken_is_a_conflict()
    {
        using var admin = factory.CreateAdminClient();
        var (code, _) = await CreateAsync(admin);

        await (await admin.PostAsJsonAsync("/api/v1/calendars", Body(code))).AssertProblemAsync(HttpStatusCode.Conflict, "code");
    }

    public static TheoryData<string, string> InvalidCalendars => new()
    {
        { """{ "code": "X1", "name": "X", "timeZone": "Mars/Olympus_Mons", "weekly": { "Mon": [{ "start": "09:00", "end": "17:00" }] }, "holidays": [], "extraWorkingDays": [] }""", "timeZone" },
        { """{ "code": "X1", "name": "X", "timeZone": "", "weekly": { "Mon": [{ "start": "09:00", "end": "17:00" }] }, "holidays": [], "extraWorkingDays": [] }""", "timeZone" },
        { """{ "code": "X1", "name": "X", "timeZone": "UTC", "weekly": { "Mon": [{ "start": "9am", "end": "17:00" }] }, "holidays": [], "extraWorkingDays": [] }""", "weekly.Mon" },
        { """{ "code": "X1", "name": "X", "timeZone": "UTC", "weekly": { "Mon": [{ "start": "09:00", "end": "24:01" }] }, "holidays": [], "extraWorkingDays": [] }""", "weekly.Mon" },
        { """{ "code": "X1", "name": "X", "timeZone": "UTC", "weekly": { "Mon": [{ "start": "24:00", "end": "24:00" }] }, "holidays": [], "extraWorkingDays": [] }""", "weekly.Mon" },
        { """{ "code": "X1", "name": "X", "timeZone": "UTC", "weekly": { "Mon": [{ "start": "17:00", "end": "09:00" }] }, "holidays": [], "extraWorkingDays": [] }""", "weekly.Mon" },
        { """{ "code": "X1", "name": "X", "timeZone": "UTC", "weekly": { "Tue": [{ "start": "09:00", "end": "12:30" }, { "start": "12:00", "end": "17:00" }] }, "holidays": [], "extraWorkingDays": [] }""", "weekly.Tue" },
        { """{ "code": "X1", "name": "X", "timeZone": "UTC", "weekly": { "Mon": [], "Sun": [] }, "holidays": [], "extraWorkingDays": [] }""", "weekly" },
        { """{ "code": "X1", "name": "X", "timeZone": "UTC", "weekly": { "Monday": [{ "start": "09:00", "end": "17:00" }] }, "holidays": [], "extraWorkingDays": [] }""", "weekly.Monday" },
        { """{ "code": "X1", "name": "X", "timeZone": "UTC", "holidays": [], "extraWorkingDays": [] }""", "weekly" },
        { """{ "code": "X1", "timeZone": "UTC", "weekly": { "Mon": [{ "start": "09:00", "end": "17:00" }] }, "holidays": [], "extraWorkingDays": [] }""", "name" },
        { """{ "code": "x 1", "name": "X", "timeZone": "UTC", "weekly": { "Mon": [{ "start": "09:00", "end": "17:00" }] }, "holidays": [], "extraWorkingDays": [] }""", "code" },
        { """{ "code": "X1", "name": "X", "timeZone": "UTC", "weekly": { "Mon": [{ "start": "09:00", "end": "17:00" }] }, "extraWorkingDays": [] }""", "holidays" },
        { """{ "code": "X1", "name": "X", "timeZone": "UTC", "weekly": { "Mon": [{ "start": "09:00", "end": "17:00" }] }, "holidays": ["2026-13-01"], "extraWorkingDays": [] }""", "holidays[0]" },
        { """{ "code": "X1", "name": "X", "timeZone": "UTC", "weekly": { "Mon": [{ "start": "09:00", "end": "17:00" }] }, "holidays": ["2026-10-10"], "extraWorkingDays": ["2026-10-10"] }""", "extraWorkingDays" },
        { """{ "code": "X1", "name": "X", "timeZone": "UTC", "weekly": { "Mon": [{ "start": "09:00", "end": "17:00" }] }, "holidays": [], "extraWorkingDays": [], "extraWorkingDayHours": { "2026-10-10": [{ "start": "09:00", "end": "12:00" }] } }""", "extraWorkingDayHours.2026-10-10" },
        { """{ "code": "X1", "name": "X", "timeZone": "UTC", "weekly": { "Mon": [{ "start": "09:00", "end": "17:00" }] }, "holidays": [], "extraWorkingDays": ["2026-10-10"], "extraWorkingDayHours": { "2026-10-10": [{ "start": "12:00", "end": "09:00" }] } }""", "extraWorkingDayHours.2026-10-10" },
    };

    [Theory]
    [MemberData(nameof(InvalidCalendars))]
    public async Task An_invalid_calendar_is_refused_naming_the_field(string json, string field)
    {
        using var admin = factory.CreateAdminClient();

        var response = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/calendars", json);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Replacing_a_calendar_needs_the_current_ETag_when_one_is_given()
    {
        using var admin = factory.CreateAdminClient();
        var (code, etag) = await CreateAsync(admin);
        var replacement = Body(code, "Asia/Tokyo");

        var updated = await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/calendars/{code}", replacement, etag);
        var body = await updated.ReadJsonAsync();
        Assert.Equal("Asia/Tokyo", body.GetProperty("timeZone").GetString());
        Assert.NotEqual(etag, updated.ETag());

        await (await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/calendars/{code}", replacement, etag))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/calendars/NO-SUCH-CAL", replacement))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/calendars/{code}", Body(code, "Nowhere/Else")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "timeZone");
    }

    [Fact]
    public async Task An_unknown_calendar_is_404()
    {
        using var client = factory.CreateAdminClient();

        await (await client.GetAsync("/api/v1/calendars/NO-SUCH-CAL")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Holidays_are_added_and_removed_one_date_at_a_time()
    {
        using var admin = factory.CreateAdminClient();
        var (code, etag) = await CreateAsync(admin, holidays: ["2026-12-25"]);

        var added = await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/calendars/{code}/holidays/2026-12-24", ifMatch: etag);
        var body = await added.ReadJsonAsync();
        Assert.Equal(["2026-12-24", "2026-12-25"], body.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()!).ToArray());
        Assert.NotEqual(etag, added.ETag());

        var again = await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/calendars/{code}/holidays/2026-12-24");
        await again.ReadJsonAsync();
        Assert.Equal(added.ETag(), again.ETag());

        var removed = await (await admin.SendJsonAsync(HttpMethod.Delete, $"/api/v1/calendars/{code}/holidays/2026-12-25", ifMatch: added.ETag())).ReadJsonAsync();
        Assert.Equal(["2026-12-24"], removed.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()!).ToArray());

        await (await admin.SendJsonAsync(HttpMethod.Delete, $"/api/v1/calendars/{code}/holidays/2026-12-25")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/calendars/{code}/holidays/2026-12-31", ifMatch: etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/calendars/{code}/holidays/24-12-2026")).AssertProblemAsync(HttpStatusCode.BadRequest, "date");
        await (await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/calendars/NO-SUCH-CAL/holidays/2026-12-24")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Extra_working_days_work_Mondays_hours_unless_given_their_own()
    {
        using var admin = factory.CreateAdminClient();
        var (code, _) = await CreateAsync(admin);

        var monday = await (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/calendars/{code}/extra-working-days/2026-12-26")).ReadJsonAsync();
        Assert.Equal(["2026-12-26"], monday.GetProperty("extraWorkingDays").EnumerateArray().Select(d => d.GetString()!).ToArray());
        Assert.False(monday.GetProperty("extraWorkingDayHours").TryGetProperty("2026-12-26", out _));

        var own = await (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/calendars/{code}/extra-working-days/2026-12-27", new { hours = new[] { new { start = "10:00", end = "14:00" } } })).ReadJsonAsync();
        Assert.Equal("10:00", own.GetProperty("extraWorkingDayHours").GetProperty("2026-12-27")[0].GetProperty("start").GetString());

        var removed = await (await admin.SendJsonAsync(HttpMethod.Delete, $"/api/v1/calendars/{code}/extra-working-days/2026-12-26")).ReadJsonAsync();
        Assert.Equal(["2026-12-27"], removed.GetProperty("extraWorkingDays").EnumerateArray().Select(d => d.GetString()!).ToArray());

        await (await admin.SendJsonAsync(HttpMethod.Delete, $"/api/v1/calendars/{code}/extra-working-days/2026-12-26")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/calendars/{code}/extra-working-days/2026-12-28", new { hours = new[] { new { start = "14:00", end = "10:00" } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "hours");
    }

    [Fact]
    public async Task A_date_cannot_be_both_a_holiday_and_an_extra_working_day()
    {
        using var admin = factory.CreateAdminClient();
        var (code, _) = await CreateAsync(admin, holidays: ["2026-12-25"], extraWorkingDays: ["2026-12-26"]);

        await (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/calendars/{code}/holidays/2026-12-26"))
            .AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/calendar-date-conflict");
        await (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/calendars/{code}/extra-working-days/2026-12-25"))
            .AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/calendar-date-conflict");
    }

    [Fact]
    public async Task A_change_to_a_calendar_is_seen_by_the_next_due_time()
    {
        using var admin = factory.CreateAdminClient();
        var (code, _) = await CreateAsync(admin, timeZone: "UTC");
        var url = $"/api/v1/calendars/{code}/due?start=2026-12-21T09:00:00Z&minutes=480";

        var before = await (await admin.GetAsync(url)).ReadJsonAsync();
        // Monday holds 7 working hours (09-12, 13-17): the eighth is Tuesday 09-10.
        Assert.Equal(new DateTimeOffset(2026, 12, 22, 10, 0, 0, TimeSpan.Zero), before.GetProperty("due").GetDateTimeOffset());

        await (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/calendars/{code}/holidays/2026-12-21")).ReadJsonAsync();

        var after = await (await admin.GetAsync(url)).ReadJsonAsync();
        Assert.Equal(new DateTimeOffset(2026, 12, 22, 17, 0, 0, TimeSpan.Zero), after.GetProperty("due").GetDateTimeOffset());
    }

    [Fact]
    public async Task Any_caller_may_read_calendars_but_only_an_admin_may_write_them()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        var (asCustomer, _, _) = await factory.CreateClientWithRolesAsync(customer.Id, "Customer");
        var (asAgent, _, _) = await factory.CreateClientWithRolesAsync(null, "Agent");
        using (asCustomer)
        using (asAgent)
        {
            await (await asCustomer.GetAsync("/api/v1/calendars/5X8-CN")).ReadJsonAsync();
            await (await asAgent.GetAsync("/api/v1/calendars")).ReadJsonAsync();

            var code = HttpClientExtensions.NewCode("CAL");
            await (await asAgent.PostAsJsonAsync("/api/v1/calendars", Body(code))).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await asCustomer.SendJsonAsync(HttpMethod.Post, "/api/v1/calendars/5X8-CN/holidays/2026-12-24")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await asAgent.SendJsonAsync(HttpMethod.Delete, "/api/v1/calendars/5X8-CN/holidays/2026-10-01")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using var anonymous = factory.CreateClient(apiKey: null);
        await (await anonymous.GetAsync("/api/v1/calendars")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_calendar_and_service_level_routes()
    {
        using var client = factory.CreateClient(apiKey: null);
        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(operation => operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("operationId", out _))
            .Select(operation => operation.Value.GetProperty("operationId").GetString())
            .ToHashSet();

        foreach (var name in new[]
        {
            "ListCalendars", "GetCalendar", "CreateCalendar", "ReplaceCalendar", "AddHoliday", "RemoveHoliday", "SetExtraWorkingDay",
            "RemoveExtraWorkingDay", "GetDueTime", "ListServiceLevels", "GetServiceLevel", "CreateServiceLevel", "ReplaceServiceLevel",
            "RetireServiceLevel", "DeleteServiceLevel", "ListCustomers", "GetCustomer", "CreateCustomer", "ReplaceCustomer", "ListAgreements",
            "GetAgreement", "CreateAgreement", "ReplaceAgreement", "CancelAgreement", "GetEntitlement",
        })
        {
            Assert.Contains(name, operations);
        }
    }
}
