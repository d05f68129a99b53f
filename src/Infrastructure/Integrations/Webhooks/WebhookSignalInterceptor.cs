using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ServiceDesk.Domain.Integrations;
using ServiceDesk.Infrastructure.Persistence.Outbox;

namespace ServiceDesk.Infrastructure.Integrations.Webhooks;

/// <summary>
/// Wakes the webhook dispatcher when a save has written outbox events (or changed a delivery, e.g. an operator's
/// retry), so the first attempt is made within moments instead of at the next poll.
/// </summary>
internal sealed class WebhookSignalInterceptor(WebhookSignal signal) : SaveChangesInterceptor
{
    private static readonly object Marker = new();
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    /// <summary>Outbox rows were written outside SaveChanges (<see cref="Persistence.ServiceDeskDbContext.InsertNewAsync"/>) and committed.</summary>
    public void OutboxWritten() => signal.Notify();

    private void Note(DbContextEventData eventData)
    {
        if (eventData.Context is not { } context)
            return;
        var wakes = context.ChangeTracker.Entries().Any(e =>
            (e.Entity is OutboxMessage && e.State == EntityState.Added) || (e.Entity is WebhookDelivery && e.State is EntityState.Added or EntityState.Modified));
        if (wakes)
            _pending.AddOrUpdate(context, Marker);
    }

    private void Saved(DbContextEventData eventData)
    {
        if (eventData.Context is { } context && _pending.Remove(context))
            signal.Notify();
    }

    private void Forget(DbContextEventData eventData)
    {
        if (eventData.Context is { } context)
            _pending.Remove(context);
    }
}
