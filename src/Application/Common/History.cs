using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Application.Common;

/// <summary>One line of a ticket's, change's or problem's history.</summary>
/// <param name="Sequence" example="5">Position in the history.</param>
/// <param name="At">When it happened.</param>
/// <param name="Actor" example="li.wei">Who did it (system for the monitor).</param>
/// <param name="Action" example="status">created, status, assignment, priority, updated, comment, escalated, sla-warning, sla-breached.</param>
/// <param name="Field" example="status">The field that changed, if any.</param>
/// <param name="OldValue" example="Assigned">The value before.</param>
/// <param name="NewValue" example="OnHold">The value after (for a status line, the new state only).</param>
/// <param name="Note" example="Waiting for the spare part">Why, as the actor gave it (a hold's reason, a rejection's comment); null when none.</param>
public sealed record HistoryResponse(long Sequence, DateTimeOffset At, string Actor, string Action, string? Field, string? OldValue, string? NewValue, string? Note);

/// <summary>The one way every audited record's history is listed: oldest first, keyset-paged on its position.</summary>
public static class HistoryPages
{
    public static Task<Page<HistoryResponse>> PageAsync<THistory>(this IQueryable<THistory> history, Guid ownerId, PageRequest page, CancellationToken cancellationToken)
        where THistory : HistoryEntry
    {
        var lines = history.AsNoTracking().Where(h => h.OwnerId == ownerId);
        if (Cursor.Decode<long?>(page.Cursor) is { } after)
            lines = lines.Where(h => h.Sequence > after);
        return lines.OrderBy(h => h.Sequence)
            .Select(h => new HistoryResponse(h.Sequence, h.At, h.Actor, h.Action, h.Field, h.OldValue, h.NewValue, h.Note))
            .ToPageAsync(page.Size, h => (long?)h.Sequence, cancellationToken);
    }
}
