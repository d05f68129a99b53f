using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;
using ServiceDesk.Infrastructure.Integrations.Webhooks;
using ServiceDesk.Infrastructure.Persistence;
using ServiceDesk.Infrastructure.ServiceDesk;

namespace ServiceDesk.Api.Tests.Observability;

/// <summary>
/// Meters are process-wide: a host's metrics pipeline also sees the <c>ServiceDesk</c> meters of other hosts in the
/// same test process. The tests that read exact counts therefore run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsRunAlone
{
    public const string Name = "Metrics (run alone)";
}

/// <summary>A host with the Prometheus endpoint on, and an SLA monitor that only runs when the test runs it.</summary>
public sealed class PrometheusApiFactory : ServiceDeskApiFactory
{
    public PrometheusApiFactory()
    {
        With("Observability:PrometheusEndpoint", "/metrics");
        With("Sla:MonitorIntervalSeconds", "86400");
    }
}

[Collection(MetricsRunAlone.Name)]
public sealed class MetricsEndpointTests(PrometheusApiFactory factory) : IClassFixture<PrometheusApiFactory>
{
    private readonly DeskDriver _desk = new(factory);

    [Fact]
    public async Task A_scrape_after_intake_and_a_monitor_pass_shows_the_product_counters()
    {
        var customerId = await _desk.CustomerAsync("PLATINUM");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var before = await ScrapeAsync();

        // Two P1 incidents (High, High), one P3 (Medium, Medium), one change request (no priority).
        await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "High", urgency: "High"));
        await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "High", urgency: "High"));
        await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "Medium", urgency: "Medium"));
        await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId, type: "changeRequest"));
        // PLATINUM P1 on 24X7: response 15 minutes, resolution 240. Five hours later both clocks of both P1s are
        // breached, each after its two warnings: 4 breaches and 8 warnings of priority P1.
        factory.Clock.Advance(TimeSpan.FromHours(5));
        await factory.Services.GetRequiredService<SlaMonitor>().RunOnceAsync(CancellationToken.None);

        var after = await ScrapeAsync();

        double Delta(string metric, params string[] labels) => after.Sum(metric, labels) - before.Sum(metric, labels);
        Assert.Equal(2, Delta("servicedesk_tickets_raised_total", "kind=\"incident\"", "priority=\"P1\""));
        Assert.Equal(1, Delta("servicedesk_tickets_raised_total", "kind=\"incident\"", "priority=\"P3\""));
        Assert.Equal(1, Delta("servicedesk_tickets_raised_total", "kind=\"change\"", "priority=\"none\""));
        Assert.Equal(4, Delta("servicedesk_tickets_raised_total"));
        Assert.Equal(2, Delta("servicedesk_sla_breaches_total", "clock=\"response\"", "priority=\"P1\""));
        Assert.Equal(2, Delta("servicedesk_sla_breaches_total", "clock=\"resolution\"", "priority=\"P1\""));
        Assert.Equal(8, Delta("servicedesk_sla_warnings_total", "priority=\"P1\""));
        Assert.Equal(1, Delta("servicedesk_sla_monitor_run_duration_seconds_count"));
        // The pass found the oldest check (a P1 response threshold, due within 15 minutes of intake) between
        // 4 h 45 min and 5 h late.
        Assert.Equal(1, Delta("servicedesk_sla_monitor_lag_seconds_count"));
        Assert.InRange(Delta("servicedesk_sla_monitor_lag_seconds_sum"), 17_100, 18_000);
    }

    [Fact]
    public async Task The_outbox_backlog_gauge_reports_the_undelivered_events()
    {
        // The webhook dispatcher fans events out at once (marking them processed); stopped, it leaves them pending.
        await factory.Services.GetServices<IHostedService>().OfType<WebhookDispatcher>().Single().StopAsync(CancellationToken.None);
        var customerId = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId));
        long pending;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            pending = await db.OutboxMessages.LongCountAsync(m => m.ProcessedAt == null);
        }

        Assert.True(pending >= 1, "the intake wrote its ticket.created event");
        // A reading is reused for 15 s; past that, a scrape starts a fresh count and the next scrape shows it.
        factory.Clock.Advance(TimeSpan.FromSeconds(16));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        double? backlog = null;
        while (DateTime.UtcNow < deadline)
        {
            backlog = (await ScrapeAsync()).Sum("servicedesk_outbox_backlog");
            if (backlog == pending)
                break;
            await Task.Delay(100);
        }

        Assert.Equal(pending, backlog);
    }

    [Fact]
    public async Task The_metrics_endpoint_needs_no_key_and_health_probes_are_not_in_it()
    {
        using var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE servicedesk_tickets_raised_total counter", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    private async Task<Scrape> ScrapeAsync()
    {
        using var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Scrape(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The Prometheus text format: <c>name{label="value",...} number [timestamp]</c>, one sample a line.</summary>
    private sealed class Scrape(string text)
    {
        private readonly List<(string Name, string Labels, double Value)> _samples = text.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(Parse)
            .ToList();

        /// <summary>The sum of the samples of <paramref name="metric"/> whose labels include every one of <paramref name="labels"/>.</summary>
        public double Sum(string metric, params string[] labels) =>
            _samples.Where(s => s.Name == metric && labels.All(l => s.Labels.Contains(l, StringComparison.Ordinal))).Sum(s => s.Value);

        private static (string, string, double) Parse(string line)
        {
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.IndexOf(' ', brace < 0 ? 0 : line.IndexOf('}', StringComparison.Ordinal));
            var name = line[..(brace >= 0 ? brace : space)];
            var labels = brace >= 0 ? line[brace..(line.IndexOf('}', StringComparison.Ordinal) + 1)] : string.Empty;
            var value = line[(space + 1)..].Split(' ')[0];
            return (name, labels, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
    }
}
