using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServiceDesk.Infrastructure.ServiceDesk;

/// <summary>
/// Part of readiness: Degraded when this instance's SLA monitor has not completed a pass in three intervals (its
/// passes fail, or one hangs), so warnings and breaches are not being raised here. Degraded, not Unhealthy: the API
/// still serves, and another instance's monitor may be doing the work.
/// </summary>
internal sealed class SlaMonitorHealthCheck(SlaMonitor monitor, TimeProvider clock) : IHealthCheck
{
    public const int MissedIntervals = 3;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var since = monitor.HeartbeatSince;
        var silence = clock.GetUtcNow() - since;
        var limit = monitor.Interval * MissedIntervals;
        var data = new Dictionary<string, object>
        {
            ["lastCompletedAt"] = monitor.LastCompletedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "never",
            ["intervalSeconds"] = monitor.Interval.TotalSeconds,
        };
        return Task.FromResult(silence > limit
            ? HealthCheckResult.Degraded(
                $"The SLA monitor has not completed a pass since {since.ToString("O", CultureInfo.InvariantCulture)} ({MissedIntervals} intervals of {monitor.Interval.TotalSeconds:0} s have passed).",
                data: data)
            : HealthCheckResult.Healthy(data: data));
    }
}
