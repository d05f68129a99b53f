using System.Net;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Api.Tests.ServiceLevels;

/// <summary><c>GET /calendars/{code}/due</c>: what the calendar computes, exactly as the business-time engine does.</summary>
public sealed class DueTimeTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private async Task<DateTimeOffset> DueAsync(string calendar, string start, long minutes)
    {
        using var client = factory.CreateAdminClient();
        var body = await (await client.GetAsync($"/api/v1/calendars/{calendar}/due?start={Uri.EscapeDataString(start)}&minutes={minutes}")).ReadJsonAsync();
        return body.GetProperty("due").GetDateTimeOffset();
    }

    [Fact]
    public async Task Silver_P3_opened_Friday_17_00_Shanghai_is_due_the_next_Friday_17_00()
    {
        using var client = factory.CreateAdminClient();

        var body = await (await client.GetAsync("/api/v1/calendars/5X8-CN/due?start=2026-03-06T09:00:00Z&minutes=2400")).ReadJsonAsync();

        Assert.Equal("5X8-CN", body.GetProperty("calendarCode").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero), body.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(2400, body.GetProperty("minutes").GetInt64());
        var due = body.GetProperty("due").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public async Task On_24X7_business_time_is_clock_time() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero), await DueAsync("24X7", "2026-11-24T01:00:00Z", 120));

    [Theory]
    [InlineData("2026-03-07T02:00:00Z", 60, "2026-03-09T02:00:00Z")] // Saturday 10:00 Shanghai -> Monday 10:00
    [InlineData("2026-03-09T11:00:00Z", 60, "2026-03-10T02:00:00Z")] // Monday 19:00 Shanghai -> Tuesday 10:00
    [InlineData("2026-03-09T04:30:00Z", 60, "2026-03-09T06:00:00Z")] // Monday 12:30 (lunch) -> 14:00
    public async Task A_start_outside_working_hours_counts_from_the_next_working_minute(string start, long minutes, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), await DueAsync("5X8-CN", start, minutes));

    [Fact]
    public async Task Holidays_are_skipped_and_a_make_up_Saturday_is_worked() =>
        Assert.Equal(new DateTimeOffset(2026, 10, 13, 9, 0, 0, TimeSpan.Zero), await DueAsync("5X8-CN", "2026-09-30T09:00:00Z", 2_400));

    [Fact]
    public async Task A_start_with_an_offset_is_the_same_instant_and_the_answer_is_in_UTC()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.Zero), await DueAsync("5X8-CN", "2026-03-06T17:00:00+08:00", 2_400));

        // An unencoded '+' arrives as a space; it is read as the offset sign it was meant to be.
        using var client = factory.CreateAdminClient();
        var body = await (await client.GetAsync("/api/v1/calendars/5X8-CN/due?start=2026-03-06T17:00:00+08:00&minutes=2400")).ReadJsonAsync();
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero), body.GetProperty("start").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_route_agrees_with_the_engine_on_every_seeded_calendar()
    {
        IReadOnlyList<WorkingInterval> day = [WorkingInterval.Parse("08:00", "20:00")];
        var sevenByTwelve = new WorkingSchedule("Asia/Shanghai", Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => day));
        var random = new Random(20261124);
        for (var i = 0; i < 12; i++)
        {
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 365 * 24 * 60));
            var minutes = random.Next(0, 20_000);

            Assert.Equal(sevenByTwelve.AddBusinessMinutes(start, minutes), await DueAsync("7X12-CN", start.ToString("O"), minutes));
            Assert.Equal(start.AddMinutes(minutes), await DueAsync("24X7", start.ToString("O"), minutes));
        }
    }

    [Fact]
    public async Task Zero_minutes_are_due_at_the_start() =>
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 2, 0, 0, TimeSpan.Zero), await DueAsync("5X8-CN", "2026-03-07T02:00:00Z", 0));

    [Theory]
    [InlineData("minutes=60", "start")]
    [InlineData("start=2026-03-06T09:00:00&minutes=60", "start")]
    [InlineData("start=yesterday&minutes=60", "start")]
    [InlineData("start=2026-03-06T09:00:00Z", "minutes")]
    [InlineData("start=2026-03-06T09:00:00Z&minutes=-1", "minutes")]
    [InlineData("start=2026-03-06T09:00:00Z&minutes=ten", "minutes")]
    [InlineData("start=2026-03-06T09:00:00Z&minutes=999999999", "minutes")]
    public async Task Bad_query_values_are_refused_naming_the_parameter(string query, string field)
    {
        using var client = factory.CreateAdminClient();

        await (await client.GetAsync($"/api/v1/calendars/5X8-CN/due?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_unknown_calendar_is_404()
    {
        using var client = factory.CreateAdminClient();

        await (await client.GetAsync("/api/v1/calendars/NO-SUCH-CAL/due?start=2026-03-06T09:00:00Z&minutes=60")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
