using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Application.Common.Observability;
using ServiceDesk.Infrastructure.Persistence;
using ServiceDesk.Infrastructure.ServiceDesk;

namespace ServiceDesk.Api.Tests.ServiceDesk;

/// <summary>The breach monitor finds warnings and breaches on its own, once, even with two instances at once.</summary>
public sealed class SlaMonitorTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private readonly DeskDriver _desk = new(factory);

    [Fact]
    public async Task Two_monitors_running_at_once_raise_each_warning_and_breach_exactly_once()
    {
        var customerId = await _desk.CustomerAsync("PLATINUM");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
            numbers.Add((await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "High", urgency: "High"))).GetProperty("number").GetString()!);

        // PLATINUM P1 on 24X7: response 15 minutes, resolution 240. Five hours later both clocks are breached.
        factory.Clock.Advance(TimeSpan.FromHours(5));
        var first = Monitor();
        var second = Monitor();
        var updated = await Task.WhenAll(first.RunOnceAsync(CancellationToken.None), second.RunOnceAsync(CancellationToken.None));

        Assert.True(updated.Sum() <= numbers.Count, "no ticket was saved twice");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        foreach (var number in numbers)
        {
            var events = await db.OutboxMessages.Where(m => m.Number == number && m.Type.StartsWith("sla.")).ToListAsync();
            Assert.Equal(2, events.Count(e => e.Type == "sla.breached"));
            Assert.Equal(4, events.Count(e => e.Type == "sla.warning"));
            Assert.Equal(2, events.Count(e => e.Type == "sla.breached" && e.Data.Contains("\"clock\":\"Response\"") != e.Data.Contains("\"clock\":\"Resolution\"")));
        }

        // A later pass finds nothing new.
        Assert.Equal(0, await Monitor().RunOnceAsync(CancellationToken.None));
        var incident = await (await agent.GetAsync($"/api/v1/incidents/{numbers[0]}")).ReadJsonAsync();
        Assert.Equal("Breached", incident.GetProperty("responseState").GetString());
        Assert.Equal("Breached", incident.GetProperty("resolutionState").GetString());
        Assert.Equal(3, incident.GetProperty("escalationLevel").GetInt32());
        var breached = await (await agent.GetAsync($"/api/v1/incidents?breached=true&customerId={customerId}")).ReadJsonAsync();
        Assert.Equal(numbers.Count, breached.GetProperty("items").GetArrayLength());
    }

    private SlaMonitor Monitor() => TestMonitors.Of(factory);
}

/// <summary>Warnings and automatic escalation from the monitor alone (a host of its own: the test moves the clock).</summary>
public sealed class SlaWarningTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private readonly DeskDriver _desk = new(factory);

    [Fact]
    public async Task The_monitor_warns_at_75_percent_and_escalates_without_anyone_reading_the_ticket()
    {
        var customerId = await _desk.CustomerAsync("PLATINUM");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var number = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "High", urgency: "High"))).GetProperty("number").GetString()!;
        var url = $"/api/v1/incidents/{number}";
        await agent.PostAsJsonAsync(url + "/assign", new { group = "Infrastructure", assignee = "li.wei" });
        (await agent.PostAsync(url + "/start", null)).EnsureSuccessStatusCode();

        // Resolution 240 minutes: 75% is at 180 minutes.
        factory.Clock.SetUtcNow(ServiceDeskApiFactory.StartOfTests.AddMinutes(181));
        await Monitor().RunOnceAsync(CancellationToken.None);

        var incident = await (await agent.GetAsync(url)).ReadJsonAsync();
        Assert.Equal(2, incident.GetProperty("escalationLevel").GetInt32());
        Assert.Equal("Running", incident.GetProperty("resolutionState").GetString());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var warnings = await db.OutboxMessages.Where(m => m.Number == number && m.Type == "sla.warning").ToListAsync();
        Assert.Single(warnings);
        Assert.Contains("\"percentage\":75", warnings[0].Data);
    }

    private SlaMonitor Monitor() => TestMonitors.Of(factory);
}

/// <summary>A host whose own SLA monitor does not run while a test moves the clock by hours: the test runs it.</summary>
public sealed class TestRunsTheMonitorApiFactory : ServiceDeskApiFactory
{
    public TestRunsTheMonitorApiFactory() => With("Sla:MonitorIntervalSeconds", "86400");
}

/// <summary>
/// A backlog longer than a batch (after an outage, or a monitor switched off for a while) is worked through by its
/// key, a batch per query, each ticket once (a database of its own: the test moves the clock).
/// </summary>
public sealed class SlaMonitorBacklogTests(TestRunsTheMonitorApiFactory factory) : IClassFixture<TestRunsTheMonitorApiFactory>
{
    private readonly DeskDriver _desk = new(factory);

    [Fact]
    public async Task A_backlog_of_several_batches_is_checked_in_one_pass_each_ticket_once_and_a_batch_per_query()
    {
        var customerId = await _desk.CustomerAsync("PLATINUM");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        // Raised at three instants: tickets of one instant share their next check, so batches split ties too.
        var numbers = new List<string>();
        foreach (var count in new[] { 3, 2, 2 })
        {
            for (var i = 0; i < count; i++)
                numbers.Add((await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "High", urgency: "High"))).GetProperty("number").GetString()!);
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        factory.Clock.Advance(TimeSpan.FromHours(5));
        var notDue = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "High", urgency: "High"))).GetProperty("number").GetString()!;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var now = factory.Clock.GetUtcNow();

        // Read by the key without checking anything (every ticket stays due): two at a time, in order, each once.
        var read = new List<string>();
        SlaMonitor.DueCursor? after = null;
        for (var query = 0; query < numbers.Count; query++)
        {
            var batch = await SlaMonitor.DueTickets(db, now, after, 2).ToListAsync();
            Assert.InRange(batch.Count, 0, 2);
            if (batch.Count == 0)
                break;
            read.AddRange(batch.Select(t => t.Number));
            after = new SlaMonitor.DueCursor(batch[^1].NextCheckAt!.Value, batch[^1].Number);
        }

        Assert.Equal(numbers, read);

        // The monitor itself, two tickets a query: one pass checks all seven, and the next finds nothing.
        Assert.Equal(numbers.Count, await Monitor(batchSize: 2).RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await Monitor(batchSize: 2).RunOnceAsync(CancellationToken.None));
        foreach (var number in numbers)
        {
            var events = await db.OutboxMessages.AsNoTracking().Where(m => m.Number == number && m.Type.StartsWith("sla.")).ToListAsync();
            Assert.Equal(2, events.Count(e => e.Type == "sla.breached"));
            Assert.Equal(4, events.Count(e => e.Type == "sla.warning"));
        }

        Assert.Empty(await db.OutboxMessages.AsNoTracking().Where(m => m.Number == notDue && m.Type.StartsWith("sla.")).ToListAsync());
    }

    private SlaMonitor Monitor(int batchSize) => TestMonitors.Of(factory, batchSize);
}

/// <summary>An SLA monitor over a test host's services and clock, run by the test itself rather than by its timer.</summary>
internal static class TestMonitors
{
    public static SlaMonitor Of(ServiceDeskApiFactory factory, int batchSize = SlaMonitor.DefaultBatchSize) =>
        new(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Clock, factory.Services.GetRequiredService<IConfiguration>(), factory.Services.GetRequiredService<ServiceDeskMetrics>(), NullLogger<SlaMonitor>.Instance)
        {
            BatchSize = batchSize,
        };
}
