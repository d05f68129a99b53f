using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Application.Common.Observability;
using ServiceDesk.Domain.Integrations;
using ServiceDesk.Infrastructure.Common;
using ServiceDesk.Infrastructure.Persistence;
using ServiceDesk.Infrastructure.Persistence.Outbox;

namespace ServiceDesk.Infrastructure.Integrations.Webhooks;

/// <summary>
/// Delivers outbox events to webhook subscriptions. Each pass: (1) fan-out: unprocessed events become one delivery
/// per subscription that wants them (events nobody wants are simply marked processed); (2) claim the due deliveries
/// and send them, each attempt in its own task; (3) now and then, prune what is older than the retention period.
/// </summary>
/// <remarks>
/// Safe on several instances: fan-out and claims lock rows with <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, and a claim is
/// a conditional UPDATE (token and lease) on every provider, so each delivery is sent by one dispatcher; a unique
/// (subscription, event) index makes a second fan-out of one event impossible. On SQLite run one instance. A claim
/// whose dispatcher died runs out after the lease and the delivery is tried again: delivery is at least once, and
/// receivers de-duplicate on the event id. Per subscription, a delivery is not claimed while an earlier event about
/// the same ticket (change, problem) is still pending for it; attempts per subscription are bounded, so a slow
/// receiver holds only its own slots.
/// </remarks>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    WebhookSignal signal,
    WebhookSender sender,
    ServiceDeskMetrics metrics,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int FanOutBatch = 200;
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, int> _inFlightPerSubscription = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Task> _sends = new();
    private DateTimeOffset? _lastPrune;

    private WebhookOptions Settings => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Pass pass;
                try
                {
                    pass = await PassAsync(stoppingToken);
                    failures = 0;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // A database outage: back off (2 s doubling to a minute) and try again; never take the process down.
                    failures++;
                    var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(failures, 6))));
                    logger.WebhookDispatcherPassFailed(e, delay);
                    await Task.Delay(delay, stoppingToken);
                    continue;
                }

                if (pass.Backlog)
                    continue;
                if (!pass.Busy)
                    await signal.WaitAsync(Settings.PollInterval, clock, stoppingToken);
                // Let the saves of a burst gather, so that under load one pass fans out many events instead of each
                // intake's commit paying for a pass of its own. Wall-clock batching, not business time.
                await Task.Delay(Settings.BatchWindow, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: no new batch is claimed; attempts in flight are cancelled and give their deliveries back.
        }
        finally
        {
            await Task.WhenAll(_sends.Values);
        }
    }

    /// <summary>One pass; returns whether it found work.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken) => (await PassAsync(cancellationToken)).Busy;

    private async Task<Pass> PassAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var fannedOut = await FanOutAsync(now, cancellationToken);
        var claimed = await ClaimAndSendAsync(now, cancellationToken);
        if (_lastPrune is null || now - _lastPrune >= PruneEvery)
        {
            await PruneAsync(now, cancellationToken);
            _lastPrune = now;
        }

        return new Pass(Busy: fannedOut > 0 || claimed > 0, Backlog: fannedOut == FanOutBatch);
    }

    /// <summary>What a pass found: any work, and whether events were left behind a full fan-out batch (the next pass follows at once).</summary>
    private readonly record struct Pass(bool Busy, bool Backlog);

    /// <summary>Turns unprocessed events into deliveries, in the order they were written; returns how many events it processed.</summary>
    private async Task<int> FanOutAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        // A transaction of our own runs inside the execution strategy (it retries a failed connect on PostgreSQL).
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => FanOutOnceAsync(db, now, ct), cancellationToken);
    }

    private static async Task<int> FanOutOnceAsync(ServiceDeskDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        // One transaction on every provider: the deliveries and the events' processed mark commit together, or a
        // second fan-out of the same events would run into the unique (subscription, event) index.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var events = await PendingEvents(db).ToListAsync(cancellationToken);
        if (events.Count == 0)
            return 0;

        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active).ToListAsync(cancellationToken);
        foreach (var message in events)
        {
            var targets = message.Type == WebhookEvents.Ping
                ? subscriptions.Where(s => s.Id == message.Number)
                : subscriptions.Where(s => s.Wants(message.Type, message.CustomerId));
            foreach (var subscription in targets)
                db.WebhookDeliveries.Add(WebhookDelivery.For(subscription.Id, message.Id, message.Type, message.Number, message.Position, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        // One UPDATE for the batch, not one per event (under load that was a statement per intake).
        var ids = events.Select(m => m.Id).ToList();
        await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(u => u.SetProperty(m => m.ProcessedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    /// <summary>
    /// The oldest events not yet fanned out, at most a batch, in the order they were written (through the outbox's
    /// pending index); on PostgreSQL locked, skipping those another instance is fanning out.
    /// </summary>
    internal static IQueryable<OutboxMessage> PendingEvents(ServiceDeskDbContext db) => db.Database.IsNpgsql()
        ? db.OutboxMessages
            .FromSqlRaw($"""SELECT * FROM "OutboxMessages" WHERE "ProcessedAt" IS NULL ORDER BY "Position" LIMIT {FanOutBatch} FOR UPDATE SKIP LOCKED""")
            .AsNoTracking()
        : db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null).OrderBy(m => m.Position).Take(FanOutBatch);

    /// <summary>
    /// Due, unclaimed deliveries of active subscriptions (none of the subscriptions in <paramref name="full"/>), soonest
    /// first, whose event is the next to send about its ticket for that subscription: nothing earlier about the same
    /// ticket is pending for it, or still waiting for fan-out.
    /// </summary>
    internal static IQueryable<ClaimCandidate> ClaimCandidates(ServiceDeskDbContext db, DateTimeOffset now, IReadOnlyCollection<string> full, int take) =>
        db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .Where(d => !full.Contains(d.SubscriptionId))
            .Where(d => db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && s.Active))
            .Where(d => !db.WebhookDeliveries.Any(e => e.SubscriptionId == d.SubscriptionId && e.EventNumber == d.EventNumber
                && e.Status == WebhookDeliveryStatus.Pending && e.EventPosition < d.EventPosition))
            .Where(d => !db.OutboxMessages.Any(m => m.ProcessedAt == null && m.Number == d.EventNumber && m.Position < d.EventPosition))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.EventPosition)
            .Select(d => new ClaimCandidate(d.Id, d.SubscriptionId))
            .Take(take);

    /// <summary>A delivery <see cref="ClaimCandidates"/> found.</summary>
    internal sealed record ClaimCandidate(Guid Id, string SubscriptionId);

    /// <summary>Events processed before <paramref name="cutoff"/> that no delivery refers to any more (through the outbox's processed index).</summary>
    internal static IQueryable<OutboxMessage> PrunableEvents(ServiceDeskDbContext db, DateTimeOffset cutoff) =>
        db.OutboxMessages.Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff && !db.WebhookDeliveries.Any(d => d.EventId == m.Id));

    /// <summary>Claims the due deliveries this instance has room for and starts their attempts; returns how many it claimed.</summary>
    private async Task<int> ClaimAndSendAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var perSubscription = Math.Max(1, Settings.MaxConcurrencyPerSubscription);
        var capacity = Math.Max(1, Settings.MaxConcurrency) - _sends.Count;
        if (capacity <= 0)
            return 0;
        var full = _inFlightPerSubscription.Where(p => p.Value >= perSubscription).Select(p => p.Key).ToList();

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        // Event order per subscription and ticket: nothing is sent while an earlier event about the same thing is pending
        // for that subscription, or not yet fanned out.
        var candidates = await ClaimCandidates(db, now, full, capacity * 4).ToListAsync(cancellationToken);

        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        var picked = new List<Guid>();
        foreach (var candidate in candidates)
        {
            var used = _inFlightPerSubscription.GetValueOrDefault(candidate.SubscriptionId) + taken.GetValueOrDefault(candidate.SubscriptionId);
            if (used >= perSubscription || picked.Count >= capacity)
                continue;
            taken[candidate.SubscriptionId] = taken.GetValueOrDefault(candidate.SubscriptionId) + 1;
            picked.Add(candidate.Id);
        }

        if (picked.Count == 0)
            return 0;

        var token = Guid.NewGuid();
        var until = now + Settings.ClaimLease;
        if (db.Database.IsNpgsql())
        {
            var ids = picked.ToArray();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var unlocked = await db.Database
                    .SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "WebhookDeliveries" WHERE "Id" = ANY({ids}) FOR UPDATE SKIP LOCKED""")
                    .ToListAsync(ct);
                await Claim(db, unlocked, now, token, until, ct);
                await transaction.CommitAsync(ct);
            }, cancellationToken);
        }
        else
        {
            await Claim(db, picked, now, token, until, cancellationToken);
        }

        var work = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.ClaimToken == token)
            .Join(db.OutboxMessages, d => d.EventId, m => m.Id, (d, m) => new { d.Id, d.SubscriptionId, m.Type, m.OccurredAt, m.Data, EventId = m.Id })
            .ToListAsync(cancellationToken);
        var subscriptionIds = work.Select(w => w.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);

        foreach (var item in work)
        {
            var subscription = subscriptions[item.SubscriptionId];
            var message = new WebhookMessage(item.EventId, item.Type, item.OccurredAt, item.Data, subscription.Url, subscription.SigningSecrets(clock.GetUtcNow()));
            _inFlightPerSubscription.AddOrUpdate(item.SubscriptionId, 1, (_, n) => n + 1);
            // Registered before it starts, so its own clean-up always finds it.
            var attempt = new Task<Task>(() => AttemptAsync(item.Id, item.SubscriptionId, token, message, cancellationToken));
            _sends[item.Id] = attempt.Unwrap();
            attempt.Start(TaskScheduler.Default);
        }

        return work.Count;
    }

    private static Task<int> Claim(ServiceDeskDbContext db, List<Guid> ids, DateTimeOffset now, Guid token, DateTimeOffset until, CancellationToken cancellationToken) =>
        db.WebhookDeliveries
            .Where(d => ids.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.ClaimToken, token).SetProperty(d => d.ClaimedUntil, until), cancellationToken);

    /// <summary>One attempt and its outcome; never throws (an outcome that cannot be recorded is retried when the claim runs out).</summary>
    private async Task AttemptAsync(Guid deliveryId, string subscriptionId, Guid token, WebhookMessage message, CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await sender.SendAsync(message, stoppingToken);
            using var recording = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await RecordAsync(deliveryId, subscriptionId, token, message, outcome, recording.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(deliveryId, token);
        }
        catch (Exception e)
        {
            logger.WebhookOutcomeNotRecorded(e, deliveryId);
        }
        finally
        {
            _inFlightPerSubscription.AddOrUpdate(subscriptionId, 0, (_, n) => Math.Max(0, n - 1));
            _sends.TryRemove(deliveryId, out _);
            signal.Notify();
        }
    }

    private async Task RecordAsync(Guid deliveryId, string subscriptionId, Guid token, WebhookMessage message, WebhookOutcome outcome, CancellationToken cancellationToken)
    {
        // An operator's retry may change the row meanwhile (its version moves): read it again and record on the new version.
        for (var round = 0; round < 3; round++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.ClaimToken == token, cancellationToken);
            if (delivery is null)
                return; // the claim ran out and another dispatcher took it, or the subscription was deleted
            var now = clock.GetUtcNow();
            var failedForGood = false;
            if (outcome.Delivered)
                delivery.Succeeded(outcome.StatusCode ?? 200, now);
            else
                failedForGood = delivery.AttemptFailed(outcome.StatusCode, outcome.Error ?? "Failed.", Settings.Schedule, Random.Shared.NextDouble(), now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue;
            }

            // Counted once the outcome is saved, so a lost claim does not count twice.
            metrics.WebhookDelivery(outcome.Delivered ? "delivered" : failedForGood ? "abandoned" : "failed");
            if (failedForGood)
                logger.WebhookDeliveryFailed(deliveryId, message.Type, message.Url, delivery.Attempts, delivery.LastError ?? string.Empty);
            await RecordStreakAsync(db, subscriptionId, outcome, now, cancellationToken);
            return;
        }
    }

    /// <summary>A success ends the subscription's failure streak; a failure starts one, and one that has lasted too long switches it off.</summary>
    private async Task RecordStreakAsync(ServiceDeskDbContext db, string subscriptionId, WebhookOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (outcome.Delivered)
        {
            await db.WebhookSubscriptions.Where(s => s.Id == subscriptionId && s.FailingSince != null)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.FailingSince, (DateTimeOffset?)null), cancellationToken);
            return;
        }

        await db.WebhookSubscriptions.Where(s => s.Id == subscriptionId && s.FailingSince == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.FailingSince, now), cancellationToken);
        db.ChangeTracker.Clear();
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription?.FailingSince is not { } since || !subscription.DeactivateIfFailingTooLong(since, outcome.Error ?? "Failed.", now))
            return;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.WebhookDeactivated(subscriptionId, subscription.DeactivationReason ?? string.Empty);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed meanwhile (by an administrator, or another dispatcher deactivated it): the next failure decides again.
        }
    }

    /// <summary>A dispatcher stopping mid-attempt gives the delivery back at once instead of letting its claim run out.</summary>
    private async Task ReleaseAsync(Guid deliveryId, Guid token)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            await db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.ClaimToken == token)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.ClaimToken, (Guid?)null).SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or DbException or InvalidOperationException)
        {
            // The claim runs out on its own.
        }
    }

    /// <summary>Deletes deliveries that ended (delivered or failed) before the retention period, and processed events left without deliveries.</summary>
    private async Task PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - Settings.Retention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        await db.WebhookDeliveries
            .Where(d => (d.Status == WebhookDeliveryStatus.Delivered && d.DeliveredAt < cutoff) || (d.Status == WebhookDeliveryStatus.Failed && d.LastAttemptAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
        await PrunableEvents(db, cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
