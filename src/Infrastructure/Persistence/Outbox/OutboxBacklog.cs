using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Infrastructure.Common;

namespace ServiceDesk.Infrastructure.Persistence.Outbox;

/// <summary>
/// Counts the undelivered outbox events (<c>ProcessedAt IS NULL</c>, a range of the (ProcessedAt, OccurredAt) index)
/// for the backlog gauge. A reading is reused for <see cref="MaxAge"/>; a stale one is refreshed in the background
/// while the last value is reported, so a metrics scrape never waits on the database (only the very first reading
/// waits, briefly).
/// </summary>
internal sealed class OutboxBacklog(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxBacklog> logger) : IOutboxBacklog
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan FirstReadingWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);

    private long _pending = -1;
    private long _readAt = long.MinValue;
    private int _refreshing;

    public long? Current()
    {
        var readAt = Interlocked.Read(ref _readAt);
        var stale = readAt == long.MinValue || clock.GetElapsedTime(readAt) >= MaxAge;
        if (stale && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            var refresh = Task.Run(RefreshAsync);
            if (Interlocked.Read(ref _pending) < 0)
                refresh.Wait(FirstReadingWait);
        }

        var pending = Interlocked.Read(ref _pending);
        return pending < 0 ? null : pending;
    }

    private async Task RefreshAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(QueryTimeout);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            var pending = await db.OutboxMessages.LongCountAsync(m => m.ProcessedAt == null, timeout.Token);
            Interlocked.Exchange(ref _pending, pending);
            Interlocked.Exchange(ref _readAt, clock.GetTimestamp());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The database is away: the gauge keeps its last value (or none); the next scrape tries again.
            logger.OutboxBacklogUnreadable(e);
        }
        finally
        {
            Interlocked.Exchange(ref _refreshing, 0);
        }
    }
}
