using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;

namespace ServiceDesk.Api.Tests.Reports;

/// <summary>
/// A customer of its own on a service level of its own, whose calendar is Monday to Friday 09:00-12:00 and 13:00-18:00
/// UTC (a lunch break and a weekend), with P1 targets 60 / 480 and P4 480 / 4800 minutes, so that expected figures can
/// be worked out by hand. Time is the factory's fake clock, moved to a Monday 09:00 UTC after anything earlier tests did.
/// </summary>
internal sealed class ReportDriver(ServiceDeskApiFactory factory)
{
    private readonly DeskDriver _desk = new(factory);

    public string LevelCode { get; private set; } = string.Empty;

    public Guid CustomerId { get; private set; }

    public string CustomerCode { get; private set; } = string.Empty;

    public HttpClient Agent { get; private set; } = null!;

    public HttpClient Customer { get; private set; } = null!;

    /// <summary>The Monday 09:00 UTC the test starts at; week 1's Friday is <c>Monday + 4 days</c>, week 2's Monday <c>Monday + 7 days</c>.</summary>
    public DateTimeOffset Monday { get; private set; }

    public async Task<ReportDriver> StartAsync()
    {
        using var admin = factory.CreateAdminClient();
        var calendar = HttpClientExtensions.NewCode("RPT");
        var office = new[] { new { start = "09:00", end = "12:00" }, new { start = "13:00", end = "18:00" } };
        (await admin.PostAsJsonAsync("/api/v1/calendars", new
        {
            code = calendar,
            name = "Reports test office",
            timeZone = "UTC",
            weekly = new Dictionary<string, object[]> { ["Mon"] = office, ["Tue"] = office, ["Wed"] = office, ["Thu"] = office, ["Fri"] = office, ["Sat"] = [], ["Sun"] = [] },
            holidays = Array.Empty<string>(),
            extraWorkingDays = Array.Empty<string>(),
        })).EnsureSuccessStatusCode();
        LevelCode = HttpClientExtensions.NewCode("RL");
        (await admin.PostAsJsonAsync("/api/v1/service-levels", new
        {
            code = LevelCode,
            name = $"Level {LevelCode}",
            rank = 9,
            calendarCode = calendar,
            priceMultiplier = 1m,
            availabilityTargetPercent = 99m,
            targets = new Dictionary<string, object>
            {
                ["P1"] = new { responseMinutes = 60, resolutionMinutes = 480 },
                ["P2"] = new { responseMinutes = 120, resolutionMinutes = 960 },
                ["P3"] = new { responseMinutes = 240, resolutionMinutes = 2400 },
                ["P4"] = new { responseMinutes = 480, resolutionMinutes = 4800 },
            },
        })).EnsureSuccessStatusCode();

        CustomerCode = HttpClientExtensions.NewCode("RC");
        CustomerId = await _desk.CustomerAsync(LevelCode, code: CustomerCode);
        Agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        Customer = (await factory.CreateClientWithRolesAsync(CustomerId, "Customer")).Client;

        var day = factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday)
            day = day.AddDays(1);
        Monday = new DateTimeOffset(day, TimeSpan.Zero).AddHours(9);
        return this;
    }

    public void At(DateTimeOffset instant) => factory.Clock.SetUtcNow(instant);

    /// <summary>Raises an incident at <paramref name="at"/> (P1: High/High; P4: Low/Low) and returns its URL.</summary>
    public async Task<string> OpenAsync(DateTimeOffset at, string impact = "High", string urgency = "High")
    {
        At(at);
        var raised = await DeskDriver.RaiseAsync(Agent, DeskDriver.Incident(CustomerId, impact: impact, urgency: urgency));
        return $"/api/v1/incidents/{raised.GetProperty("number").GetString()}";
    }

    public static string NumberOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    public Task AssignAsync(string url, DateTimeOffset at) => ActAsync(Agent, url, "assign", at, new { group = "Infrastructure" });

    /// <summary>Assigns (if not yet) and starts work: the acknowledgement.</summary>
    public Task StartAsync(string url, DateTimeOffset at) => ActAsync(Agent, url, "start", at);

    public Task HoldAsync(string url, DateTimeOffset at) => ActAsync(Agent, url, "hold", at, new { reason = "Waiting for a part" });

    public Task ResumeAsync(string url, DateTimeOffset at) => ActAsync(Agent, url, "resume", at);

    public Task ResolveAsync(string url, DateTimeOffset at) => ActAsync(Agent, url, "resolve", at, new { resolutionCode = "Fixed", notes = "Replaced the line card." });

    public Task ReopenAsync(string url, DateTimeOffset at) => ActAsync(Customer, url, "reopen", at, new { reason = "Still broken" });

    public Task CancelAsync(string url, DateTimeOffset at) => ActAsync(Agent, url, "cancel", at, new { reason = "Raised in error" });

    /// <summary>Assigned at opening, then started at <paramref name="at"/>.</summary>
    public async Task AcknowledgeAsync(string url, DateTimeOffset at)
    {
        await AssignAsync(url, at);
        await StartAsync(url, at);
    }

    public async Task RateAsync(string url, DateTimeOffset at, int overall, int reliability, int responsiveness, int assurance, int empathy, int tangibles)
    {
        At(at);
        var response = await Customer.PostAsJsonAsync(url + "/satisfaction", new { overall, reliability, responsiveness, assurance, empathy, tangibles });
        await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string url) => await (await client.GetAsync(url)).ReadJsonAsync();

    /// <summary>The group with <paramref name="key"/> of a report.</summary>
    public static JsonElement Group(JsonElement report, string? key) =>
        Assert.Single(report.GetProperty("groups").EnumerateArray(), g => g.GetProperty("key").GetString() == key);

    public static string Period(DateTimeOffset from, DateTimeOffset to) =>
        $"from={Uri.EscapeDataString(from.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}";

    /// <summary>GET with <c>Accept: text/csv</c>; the rows parsed back by CsvHelper's reader, keyed by the header.</summary>
    public static async Task<(HttpResponseMessage Response, byte[] Bytes, List<Dictionary<string, string>> Rows, IReadOnlyList<string> Header)> GetCsvAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var reader = CsvReader.Create(bytes);
        var header = reader.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(header.Select((name, i) => (name, value: reader.GetString(i))).ToDictionary(f => f.name, f => f.value));
        return (response, bytes, rows, header);
    }

    /// <summary>
    /// One action at <paramref name="at"/>. Moving the fake clock can wake the SLA monitor, which may save the same
    /// ticket at that moment: a 412 is then retried, as a client would after fetching the ticket again.
    /// </summary>
    private async Task ActAsync(HttpClient client, string url, string action, DateTimeOffset at, object? body = null)
    {
        At(at);
        for (var attempt = 1; ; attempt++)
        {
            var response = body is null ? await client.PostAsync($"{url}/{action}", null) : await client.PostAsJsonAsync($"{url}/{action}", body);
            if (response.StatusCode == HttpStatusCode.PreconditionFailed && attempt < 3)
                continue;
            await response.ReadJsonAsync();
            return;
        }
    }
}
