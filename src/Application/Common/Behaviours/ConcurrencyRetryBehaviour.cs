using System.Reflection;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Common.Behaviours;

/// <summary>
/// A write sent without <c>If-Match</c> asked for no precondition, so losing an optimistic-concurrency race (the save
/// is conditional on the version loaded) is not the client's 412: the command runs again, from the load, on a fresh
/// unit of work, a few times with a short random pause. A save that lost the race committed nothing, so the retry
/// cannot apply anything twice. When every attempt loses, the answer is 409 <c>write-contention</c>. A write with
/// <c>If-Match</c> is never retried: its stale tag is the client's 412.
/// </summary>
public sealed class ConcurrencyRetryBehaviour<TMessage, TResponse>(IServiceDeskDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly PropertyInfo? IfMatch = typeof(TMessage).GetProperty("IfMatch", typeof(string));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || IfMatch?.GetValue(message) is not null)
            return await next(message, cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(message, cancellationToken);
            }
            catch (DbUpdateConcurrencyException e)
            {
                db.DiscardChanges();
                if (attempt == ConflictException.WriteAttempts)
                    throw ConflictException.WriteContention(e);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50 * attempt)), cancellationToken);
            }
        }
    }
}
