using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Changes;

/// <summary>A line of a change's history (actions: created, status, updated, approval, scheduled, conflicts, freeze-override, review, link, unlink).</summary>
public sealed class ChangeHistoryEntry : HistoryEntry
{
    private ChangeHistoryEntry()
    {
    }

    public ChangeHistoryEntry(Guid changeId, long sequence, DateTimeOffset at, string actor, string action, string? field, string? oldValue, string? newValue, string? note = null)
        : base(changeId, sequence, at, actor, action, field, oldValue, newValue, note)
    {
    }
}
