namespace ServiceDesk.Domain.Changes;

/// <summary>One line of a change's history: who did what, when, from what to what. Append-only.</summary>
public sealed class ChangeHistoryEntry
{
    private ChangeHistoryEntry()
    {
        Actor = Action = string.Empty;
    }

    public ChangeHistoryEntry(Guid changeId, long sequence, DateTimeOffset at, string actor, string action, string? field, string? oldValue, string? newValue)
    {
        Id = Guid.CreateVersion7(at);
        ChangeId = changeId;
        Sequence = sequence;
        At = at;
        Actor = actor;
        Action = action;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
    }

    public Guid Id { get; private set; }

    public Guid ChangeId { get; private set; }

    /// <summary>Position in the change's history (1, 2, ...).</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; }

    /// <summary>created, status, updated, approval, rejection, scheduled, conflicts, freeze-override, review, link, unlink.</summary>
    public string Action { get; private set; }

    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }
}
