using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>
/// Claims keys by inserting their row: the primary key (caller, key) lets exactly one of two concurrent retries
/// win, on every provider, without locks held across the request. A claim is a lease
/// (<c>Idempotency:LeaseSeconds</c>): a key left "in progress" by a process that died before completing or
/// releasing it is taken over by the first retry after the lease ran out, again by exactly one retry (the takeover
/// is conditional on the claim time it read).
/// </summary>
internal sealed class IdempotencyStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdempotencyOptions> options) : IIdempotencyStore
{
    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    public async Task<IdempotencyClaim> ClaimAsync(string callerId, string key, string requestHash, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var existing = await FindAsync(db, callerId, key, cancellationToken);
        if (existing is not null)
        {
            var now = clock.GetUtcNow();
            if (existing.StatusCode is null && existing.CreatedAt + Lease <= now)
            {
                // An abandoned claim: its request never completed nor released it within the lease.
                var claimedAt = existing.CreatedAt;
                var taken = await db.IdempotencyRecords
                    .Where(r => r.CallerId == callerId && r.Key == key && r.StatusCode == null && r.CreatedAt == claimedAt)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, now).SetProperty(r => r.RequestHash, requestHash), cancellationToken);
                if (taken == 1)
                    return new IdempotencyClaim(true, true, null, null, null, null);
                existing = await FindAsync(db, callerId, key, cancellationToken);
                if (existing is null)
                    return await ClaimAsync(callerId, key, requestHash, cancellationToken);
            }

            return Known(existing, requestHash);
        }

        db.IdempotencyRecords.Add(new IdempotencyRecord(callerId, key, requestHash, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new IdempotencyClaim(true, true, null, null, null, null);
        }
        catch (DuplicateKeyException)
        {
            // Another request with the same key claimed it first: its record is the answer. When that request has
            // failed and released the key in between, the key is free again: claim it anew (as after a lease).
            db.ChangeTracker.Clear();
            var winner = await FindAsync(db, callerId, key, cancellationToken);
            return winner is null ? await ClaimAsync(callerId, key, requestHash, cancellationToken) : Known(winner, requestHash);
        }
    }

    public async Task CompleteAsync(string callerId, string key, IdempotentAnswer answer, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var record = await db.IdempotencyRecords.FirstAsync(r => r.CallerId == callerId && r.Key == key, cancellationToken);
        record.Complete(answer.StatusCode, answer.Body, answer.Location, answer.ETag);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ReleaseAsync(string callerId, string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        await db.IdempotencyRecords.Where(r => r.CallerId == callerId && r.Key == key && r.StatusCode == null).ExecuteDeleteAsync(cancellationToken);
    }

    private static Task<IdempotencyRecord?> FindAsync(ServiceDeskDbContext db, string callerId, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.CallerId == callerId && r.Key == key, cancellationToken);

    private static IdempotencyClaim Known(IdempotencyRecord record, string requestHash) =>
        new(false, record.RequestHash == requestHash, record.StatusCode, record.ResponseBody, record.Location, record.ETag);
}

/// <summary><c>Idempotency</c> settings.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long a claimed key stays "in progress" before a retry may take it over (the first request died).</summary>
    public int LeaseSeconds { get; set; } = 30;
}
