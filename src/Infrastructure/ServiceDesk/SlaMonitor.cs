using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceDesk.Application.Common.Observability;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Infrastructure.Persistence;
using ServiceDesk.Infrastructure.Common;

namespace ServiceDesk.Infrastructure.ServiceDesk;

/// <summary>
/// Finds SLA thresholds and breaches without anyone reading the ticket: every <c>Sla:MonitorIntervalSeconds</c>
/// it looks at the tickets whose next check time has come (an indexed column, never every ticket), lets each
/// ticket raise its warnings, breaches, automatic escalations and auto-close, and saves them with their outbox
/// events.
/// </summary>
/// <remarks>
/// Safe on several API instances at once: a ticket is saved conditionally on the version it was read with, so when
/// two monitors look at the same ticket only the first save wins; the other gets a concurrency conflict and drops
/// its copy (its events were never written). Events are therefore raised exactly once.
/// Each completed pass is recorded (<see cref="LastCompletedAt"/>, the heartbeat the readiness check reads) and
/// measured (<see cref="ServiceDeskMetrics"/>: duration, lag, warnings and breaches saved).
/// </remarks>
public sealed class SlaMonitor(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ServiceDeskMetrics metrics, ILogger<SlaMonitor> logger) : BackgroundService
{
    internal const int DefaultBatchSize = 100;

    /// <summary>Tickets read and checked per query (tests make it small to cross batches with a few tickets).</summary>
    internal int BatchSize { get; init; } = DefaultBatchSize;

    private readonly DateTimeOffset _createdAt = clock.GetUtcNow();
    private long _lastCompletedAtTicks = -1;

    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Sla:MonitorIntervalSeconds", 30)));

    /// <summary>When a pass last completed on this instance (null: none yet).</summary>
    public DateTimeOffset? LastCompletedAt =>
        Interlocked.Read(ref _lastCompletedAtTicks) is var ticks and >= 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Since when the monitor should have completed a pass: its last completed pass, else its creation.</summary>
    public DateTimeOffset HeartbeatSince => LastCompletedAt ?? _createdAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            // One trace per pass: its database calls and its log lines (a failure's too) share its trace id.
            using var pass = ServiceDeskActivities.StartBackgroundWork("sla-monitor pass");
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // E.g. the database is down: the pass is dropped and the next interval tries again (the interval is
                // the back-off); the process and the other instances carry on.
                pass.SetStatus(ActivityStatusCode.Error);
                logger.SlaMonitorPassFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// One pass: every ticket with a check due by now. Returns how many tickets this instance updated. A stop request
    /// (<paramref name="cancellationToken"/>) is honoured between tickets and batches, never inside a save, so a
    /// shutdown leaves nothing half-written; a ticket not reached stays due for the next pass.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var (updated, lag) = await CheckDueTicketsAsync(now, cancellationToken);
        metrics.SlaMonitorRun(clock.GetElapsedTime(started), lag);
        Interlocked.Exchange(ref _lastCompletedAtTicks, now.UtcTicks);
        Activity.Current?.SetTag("servicedesk.tickets_updated", updated);
        return updated;
    }

    private async Task<(int Updated, TimeSpan Lag)> CheckDueTicketsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var updated = 0;
        TimeSpan? lag = null;
        DueCursor? after = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            var slaContexts = scope.ServiceProvider.GetRequiredService<ISlaContexts>();

            var batch = await DueTickets(db, now, after, BatchSize).ToListAsync(cancellationToken);
            lag ??= batch.Count == 0 ? TimeSpan.Zero : now - batch[0].NextCheckAt!.Value;
            if (batch.Count == 0)
                return (updated, lag.Value);
            // Taken before the checks move the tickets' next check on.
            after = new DueCursor(batch[^1].NextCheckAt!.Value, batch[^1].Number);

            foreach (var ticket in batch)
            {
                if (cancellationToken.IsCancellationRequested)
                    return (updated, lag.Value);
                db.ChangeTracker.Clear();
                db.Attach(ticket);
                ticket.CheckSla(now, await slaContexts.GetAsync(ticket.ServiceLevelCode, CancellationToken.None));
                var raised = ticket.DomainEvents.ToArray();
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                    updated++;
                    Count(raised);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Another instance saved this ticket first and raised its events; a user action that won instead
                    // leaves NextCheckAt due, behind the cursor, so the next pass looks again.
                }
            }

            if (batch.Count < BatchSize)
                return (updated, lag.Value);
        }

        return (updated, lag ?? TimeSpan.Zero);
    }

    /// <summary>
    /// Up to <paramref name="take"/> tickets whose check is due by <paramref name="now"/>, in the order of their next
    /// check and number, after <paramref name="after"/> (through the next-check index). A pass moves on by this key,
    /// not by a list of the tickets it has seen, so each query reads one batch however long the backlog (with such a
    /// list, each query read one more batch per batch already checked, and a backlog took time quadratic in its
    /// length). A ticket the pass left due (a lost race) is behind the key and waits for the next pass; one whose
    /// check moved its next check past the key but not past <paramref name="now"/> is checked again later in the pass.
    /// </summary>
    internal static IQueryable<Ticket> DueTickets(ServiceDeskDbContext db, DateTimeOffset now, DueCursor? after, int take)
    {
        var due = db.Tickets.AsNoTracking().Where(t => t.NextCheckAt != null && t.NextCheckAt <= now);
        if (after is { } cursor)
        {
            var (at, number) = (cursor.NextCheckAt, cursor.Number);
            due = due.Where(t => t.NextCheckAt >= at && (t.NextCheckAt > at || string.Compare(t.Number, number) > 0));
        }

        return due.OrderBy(t => t.NextCheckAt).ThenBy(t => t.Number).TakeConstant(take);
    }

    /// <summary>Where a pass has got to in <see cref="DueTickets"/>' order.</summary>
    internal readonly record struct DueCursor(DateTimeOffset NextCheckAt, string Number);

    /// <summary>Warnings and breaches count once they are saved (a copy that lost the race to another instance does not).</summary>
    private void Count(DomainEvent[] saved)
    {
        foreach (var domainEvent in saved)
        {
            if (domainEvent is SlaWarning warning)
                metrics.SlaWarning(warning.Clock, warning.Priority);
            else if (domainEvent is SlaBreached breach)
                metrics.SlaBreach(breach.Clock, breach.Priority);
        }
    }
}
