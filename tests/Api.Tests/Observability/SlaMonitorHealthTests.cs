using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Infrastructure.Persistence;
using ServiceDesk.Infrastructure.ServiceDesk;

namespace ServiceDesk.Api.Tests.Observability;

/// <summary>A host whose SLA monitor runs every minute (of its fake clock).</summary>
public sealed class MinuteMonitorApiFactory : ServiceDeskApiFactory
{
    public MinuteMonitorApiFactory() => With("Sla:MonitorIntervalSeconds", "60");
}

/// <summary>
/// Readiness reports the SLA monitor Degraded once it has not completed a pass for three intervals, and Healthy again
/// after its next completed pass. The monitor is made to fail by moving the tickets table out of its way.
/// </summary>
public sealed class SlaMonitorHealthTests(MinuteMonitorApiFactory factory) : IClassFixture<MinuteMonitorApiFactory>
{
    [Fact]
    public async Task Readiness_is_Degraded_when_the_monitor_has_not_completed_a_pass_in_three_intervals()
    {
        using var probe = factory.CreateClient();
        Assert.Equal("Healthy", await ReadyAsync(probe));
        var monitor = factory.Services.GetRequiredService<SlaMonitor>();
        await monitor.RunOnceAsync(CancellationToken.None);
        Assert.Equal(ServiceDeskApiFactory.StartOfTests, monitor.LastCompletedAt);

        await RenameTicketsAsync("Tickets", "TicketsAway");
        try
        {
            // Every pass from now on fails. Three intervals (180 s) after the last completed one it is still in time...
            factory.Clock.Advance(TimeSpan.FromSeconds(180));
            await Assert.ThrowsAnyAsync<Exception>(() => monitor.RunOnceAsync(CancellationToken.None));
            Assert.Equal("Healthy", await ReadyAsync(probe));

            // ...one second later it is not.
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("Degraded", await ReadyAsync(probe));
            Assert.Equal(ServiceDeskApiFactory.StartOfTests, monitor.LastCompletedAt);
        }
        finally
        {
            await RenameTicketsAsync("TicketsAway", "Tickets");
        }

        await monitor.RunOnceAsync(CancellationToken.None);
        Assert.Equal(ServiceDeskApiFactory.StartOfTests.AddSeconds(181), monitor.LastCompletedAt);
        Assert.Equal("Healthy", await ReadyAsync(probe));
    }

    /// <summary>Degraded still answers 200 (the instance serves requests); the body names the status.</summary>
    private static async Task<string> ReadyAsync(HttpClient probe)
    {
        var response = await probe.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task RenameTicketsAsync(string from, string to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
#pragma warning disable EF1002 // table names are constants of this test
        await db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"{from}\" RENAME TO \"{to}\"");
#pragma warning restore EF1002
    }
}
