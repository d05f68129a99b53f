using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;

namespace ServiceDesk.Api.Tests.Incidents;

/// <summary>The customer rates a resolved ticket once, on the seven-level scale (domain.md section 8), with the default (equal) weights.</summary>
public sealed class SatisfactionTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static readonly object Rating = new { overall = 6, reliability = 7, responsiveness = 6, assurance = 5, empathy = 4, tangibles = 3, comment = "Fixed quickly." };

    private readonly SatisfactionDriver _driver = new(factory);

    [Fact]
    public async Task The_customer_rates_a_resolved_incident_and_the_rating_shows_on_the_ticket()
    {
        var (customer, agent, url) = await _driver.ResolvedAsync();
        using var _ = customer;
        using var __ = agent;
        var before = await (await customer.GetAsync(url)).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, before.GetProperty("satisfaction").ValueKind);

        var response = await customer.PostAsJsonAsync(url + "/satisfaction", Rating);

        var rating = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(url, response.Headers.Location!.OriginalString);
        AssertRating(rating);
        // Equal weights: mean of 7,6,5,4,3 = 5 -> (5 - 1) / 6 * 100 = 66.67.
        Assert.Equal(66.67, rating.GetProperty("score").GetDouble(), precision: 2);

        foreach (var client in new[] { customer, agent })
        {
            var shown = (await (await client.GetAsync(url)).ReadJsonAsync()).GetProperty("satisfaction");
            AssertRating(shown);
            Assert.Equal(66.67, shown.GetProperty("score").GetDouble(), precision: 2);
            Assert.Equal(rating.GetProperty("ratedAt").GetString(), shown.GetProperty("ratedAt").GetString());
        }

        var listed = await (await agent.GetAsync("/api/v1/incidents?status=Resolved&limit=200")).ReadJsonAsync();
        var item = listed.GetProperty("items").EnumerateArray().Single(t => url.EndsWith(t.GetProperty("number").GetString()!, StringComparison.Ordinal));
        // A list item picks the ticket out; its rating is on the ticket itself (above).
        Assert.False(item.TryGetProperty("satisfaction", out var notListed), notListed.ToString());

        var history = await (await customer.GetAsync(url + "/history?limit=200")).ReadJsonAsync();
        Assert.Contains(history.GetProperty("items").EnumerateArray(), h => h.GetProperty("action").GetString() == "rated");
    }

    [Fact]
    public async Task A_closed_service_request_is_rated_too()
    {
        var (customer, agent, url) = await _driver.ResolvedAsync(kind: "serviceRequest");
        using var _ = customer;
        using var __ = agent;
        Assert.Contains("/service-requests/", url, StringComparison.Ordinal);
        (await customer.PostAsync(url + "/close", null)).EnsureSuccessStatusCode();

        var rating = await (await customer.PostAsJsonAsync(url + "/satisfaction", new { overall = 7, reliability = 7, responsiveness = 7, assurance = 7, empathy = 7, tangibles = 7 }))
            .ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(100, rating.GetProperty("score").GetDouble());
        Assert.Equal(JsonValueKind.Null, rating.GetProperty("comment").ValueKind);
    }

    [Fact]
    public async Task Rating_before_resolution_is_409_not_resolved()
    {
        var (customer, agent, url) = await _driver.ResolvedAsync(resolve: false);
        using var _ = customer;
        using var __ = agent;

        await (await customer.PostAsJsonAsync(url + "/satisfaction", Rating)).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/problems/not-resolved");
    }

    [Fact]
    public async Task A_second_rating_is_409_already_rated_and_the_first_stays()
    {
        var (customer, agent, url) = await _driver.ResolvedAsync();
        using var _ = customer;
        using var __ = agent;
        await (await customer.PostAsJsonAsync(url + "/satisfaction", Rating)).ReadJsonAsync(HttpStatusCode.Created);

        var again = await customer.PostAsJsonAsync(url + "/satisfaction", new { overall = 1, reliability = 1, responsiveness = 1, assurance = 1, empathy = 1, tangibles = 1 });

        await again.AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/problems/already-rated");
        AssertRating((await (await customer.GetAsync(url)).ReadJsonAsync()).GetProperty("satisfaction"));
    }

    [Fact]
    public async Task Ten_parallel_ratings_give_exactly_one_201_and_409_for_the_others()
    {
        var (customer, agent, url) = await _driver.ResolvedAsync();
        using var _ = customer;
        using var __ = agent;

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => customer.PostAsJsonAsync(url + "/satisfaction", Rating)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Single(statuses, s => s == HttpStatusCode.Created);
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/problems/already-rated");
    }

    [Fact]
    public async Task Another_customer_gets_404_and_staff_get_403()
    {
        var (customer, agent, url) = await _driver.ResolvedAsync();
        using var _ = customer;
        using var __ = agent;
        var otherCustomerId = await _driver.Desk.CustomerAsync("GOLD");
        using var other = (await factory.CreateClientWithRolesAsync(otherCustomerId, "Customer")).Client;
        using var manager = (await factory.CreateClientWithRolesAsync(null, "Manager")).Client;

        await (await other.PostAsJsonAsync(url + "/satisfaction", Rating)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await agent.PostAsJsonAsync(url + "/satisfaction", Rating)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostAsJsonAsync(url + "/satisfaction", Rating)).AssertProblemAsync(HttpStatusCode.Forbidden);
        using var admin = factory.CreateAdminClient();
        await (await admin.PostAsJsonAsync(url + "/satisfaction", Rating)).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(JsonValueKind.Null, (await (await customer.GetAsync(url)).ReadJsonAsync()).GetProperty("satisfaction").ValueKind);
    }

    [Theory]
    [InlineData("reliability", 0)]
    [InlineData("reliability", 8)]
    [InlineData("overall", 0)]
    [InlineData("tangibles", 8)]
    [InlineData("empathy", null)]
    public async Task A_value_outside_1_to_7_or_missing_is_400_naming_the_field(string field, int? value)
    {
        var (customer, agent, url) = await _driver.ResolvedAsync();
        using var _ = customer;
        using var __ = agent;
        var body = new Dictionary<string, object?> { ["overall"] = 4, ["reliability"] = 4, ["responsiveness"] = 4, ["assurance"] = 4, ["empathy"] = 4, ["tangibles"] = 4 };
        body[field] = value;

        await (await customer.PostAsJsonAsync(url + "/satisfaction", body)).AssertProblemAsync(HttpStatusCode.BadRequest, field: field);
    }

    [Fact]
    public async Task A_comment_over_the_limit_is_400_naming_comment()
    {
        var (customer, agent, url) = await _driver.ResolvedAsync();
        using var _ = customer;
        using var __ = agent;

        var response = await customer.PostAsJsonAsync(url + "/satisfaction", new { overall = 4, reliability = 4, responsiveness = 4, assurance = 4, empathy = 4, tangibles = 4, comment = new string('x', 2001) });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field: "comment");
    }

    [Fact]
    public async Task A_non_positive_weight_stops_the_start_naming_the_setting()
    {
        await using var misconfigured = new SameDatabaseApiFactory(factory.Database);
        misconfigured.With("Database:MigrateOnStartup", "false").With("Satisfaction:Weights:Empathy", "0");

        var failure = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains("Satisfaction:Weights:Empathy", failure.ToString(), StringComparison.Ordinal);
    }

    private static void AssertRating(JsonElement rating)
    {
        Assert.Equal(6, rating.GetProperty("overall").GetInt32());
        Assert.Equal(7, rating.GetProperty("reliability").GetInt32());
        Assert.Equal(6, rating.GetProperty("responsiveness").GetInt32());
        Assert.Equal(5, rating.GetProperty("assurance").GetInt32());
        Assert.Equal(4, rating.GetProperty("empathy").GetInt32());
        Assert.Equal(3, rating.GetProperty("tangibles").GetInt32());
        Assert.Equal("Fixed quickly.", rating.GetProperty("comment").GetString());
        Assert.True(rating.TryGetProperty("ratedAt", out _));
    }
}

/// <summary>The score with weights from <c>Satisfaction:Weights</c>.</summary>
public sealed class SatisfactionWeightTests(SatisfactionWeightTests.WeightedFactory factory) : IClassFixture<SatisfactionWeightTests.WeightedFactory>
{
    [Fact]
    public async Task The_score_uses_the_configured_weights()
    {
        var (customer, agent, url) = await new SatisfactionDriver(factory).ResolvedAsync();
        using var _ = customer;
        using var __ = agent;

        var rating = await (await customer.PostAsJsonAsync(url + "/satisfaction", new { overall = 6, reliability = 7, responsiveness = 6, assurance = 5, empathy = 4, tangibles = 3 }))
            .ReadJsonAsync(HttpStatusCode.Created);

        // Weights 2,1,1,1,1: weighted mean (14+6+5+4+3)/6 = 5.333.. -> (5.333.. - 1) / 6 * 100 = 72.22.
        Assert.Equal(72.22, rating.GetProperty("score").GetDouble(), precision: 2);
        var shown = (await (await agent.GetAsync(url)).ReadJsonAsync()).GetProperty("satisfaction");
        Assert.Equal(72.22, shown.GetProperty("score").GetDouble(), precision: 2);
    }

    public sealed class WeightedFactory : ServiceDeskApiFactory
    {
        public WeightedFactory() => With("Satisfaction:Weights:Reliability", "2");
    }
}

/// <summary>Raises a ticket as its customer and has an agent resolve it.</summary>
internal sealed class SatisfactionDriver(ServiceDeskApiFactory factory)
{
    public DeskDriver Desk { get; } = new(factory);

    public async Task<(HttpClient Customer, HttpClient Agent, string Url)> ResolvedAsync(string kind = "incident", bool resolve = true)
    {
        var customerId = await Desk.CustomerAsync("GOLD");
        var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var customer = (await factory.CreateClientWithRolesAsync(customerId, "Customer")).Client;
        var raised = await DeskDriver.RaiseAsync(customer, DeskDriver.Incident(customerId, productCode: kind == "incident" ? "OPS-INF-01" : "OPS-DC-03", type: kind));
        var number = raised.GetProperty("number").GetString();
        var url = kind == "incident" ? $"/api/v1/incidents/{number}" : $"/api/v1/service-requests/{number}";
        if (resolve)
        {
            (await agent.PostAsJsonAsync(url + "/assign", new { group = "Infrastructure" })).EnsureSuccessStatusCode();
            (await agent.PostAsync(url + "/start", null)).EnsureSuccessStatusCode();
            (await agent.PostAsJsonAsync(url + "/resolve", new { resolutionCode = "Fixed", notes = "Replaced the line card." })).EnsureSuccessStatusCode();
        }

        return (customer, agent, url);
    }
}
