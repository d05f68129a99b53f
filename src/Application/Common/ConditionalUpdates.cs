using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Application.Common;

/// <summary>
/// The one conditional-update path: load the aggregate tracked, compare the caller's If-Match with its tag, change it,
/// save. The save is conditional on the version loaded here (<see cref="Entity.Version"/> is the concurrency token),
/// so a write that lands between this load and the save is refused too (412) instead of being overwritten.
/// </summary>
public static class ConditionalUpdates
{
    /// <summary>A tracked aggregate for a write, tagged by its version; 404 when missing, 412 on a stale If-Match.</summary>
    public static Task<T> LoadForUpdateAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, string? ifMatch, string noun, object key,
        CancellationToken cancellationToken)
        where T : Entity =>
        source.LoadForUpdateAsync(predicate, ifMatch, noun, key, static (entity, _) => ValueTask.FromResult(ETags.FromVersion(entity.Version)), cancellationToken);

    /// <summary>
    /// As above, for a resource whose tag covers more than the aggregate's own row (a product line with its series):
    /// <paramref name="currentETag"/> computes the tag the caller's GET showed.
    /// </summary>
    public static async Task<T> LoadForUpdateAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, string? ifMatch, string noun, object key,
        Func<T, CancellationToken, ValueTask<string>> currentETag, CancellationToken cancellationToken)
        where T : Entity
    {
        ArgumentNullException.ThrowIfNull(currentETag);
        var entity = await source.FirstOrDefaultAsync(predicate, cancellationToken) ?? throw new NotFoundException(noun, key);
        if (ifMatch is not null && !ETags.Matches(ifMatch, await currentETag(entity, cancellationToken)))
            throw new PreconditionFailedException(noun, key);
        return entity;
    }
}
