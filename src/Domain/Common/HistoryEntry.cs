namespace ServiceDesk.Domain.Common;

/// <summary>
/// One line of a ticket's, change's or problem's history: who changed what, when, from what to what. Append-only:
/// nothing on those aggregates changes without one.
/// </summary>
public abstract class HistoryEntry
{
    public const int ActorMaxLength = 200;
    public const int ActionMaxLength = 32;
    public const int FieldMaxLength = 64;

    /// <summary>History keeps what it can show; longer values (plans, descriptions, workarounds) are cut to this.</summary>
    public const int ValueMaxLength = 4000;

    protected HistoryEntry()
    {
        Actor = Action = string.Empty;
    }

    protected HistoryEntry(Guid ownerId, long sequence, DateTimeOffset at, string actor, string action, string? field, string? oldValue, string? newValue, string? note = null)
    {
        Id = Guid.CreateVersion7(at);
        OwnerId = ownerId;
        Sequence = sequence;
        At = at;
        Actor = actor;
        Action = action;
        Field = field;
        OldValue = Clip(oldValue);
        NewValue = Clip(newValue);
        Note = Clip(note);
    }

    public Guid Id { get; private set; }

    /// <summary>The ticket, change or problem the line belongs to.</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>Position in the owner's history (1, 2, ...): the order entries were made in.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The name of who did it (<c>system</c> for the monitor).</summary>
    public string Actor { get; private set; }

    /// <summary>What happened: created, status, updated, assignment, comment, approval, link, ...</summary>
    public string Action { get; private set; }

    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    /// <summary>The value after: for a status line, only the new state's name.</summary>
    public string? NewValue { get; private set; }

    /// <summary>Why, as the actor gave it (a hold's or cancellation's reason, a change's rejection comment); null when none.</summary>
    public string? Note { get; private set; }

    private static string? Clip(string? value) => value is { Length: > ValueMaxLength } ? value[..(ValueMaxLength - 3)] + "..." : value;
}

/// <summary>
/// An aggregate whose new history lines (and other append-only rows, such as a ticket's comments) the unit of work
/// saves with it.
/// </summary>
public interface IAudited
{
    /// <summary>Rows made since the aggregate was loaded, to be inserted in the same save.</summary>
    IEnumerable<object> NewRows { get; }

    /// <summary>Called once the new rows are saved.</summary>
    void NewRowsSaved();
}

/// <summary>The shape every audited aggregate shares: a numbered history of <typeparamref name="THistory"/> lines.</summary>
public abstract class AuditedAggregate<THistory> : Entity, IAudited
    where THistory : HistoryEntry
{
    private readonly List<THistory> _newHistory = [];

    /// <summary>How many history lines the aggregate has (the last line's sequence).</summary>
    public long HistoryCount { get; private set; }

    /// <summary>History lines made since the aggregate was loaded (persisted with it).</summary>
    public IReadOnlyList<THistory> NewHistory => _newHistory;

    IEnumerable<object> IAudited.NewRows => NewRows;

    void IAudited.NewRowsSaved() => NewRowsSaved();

    protected virtual IEnumerable<object> NewRows => _newHistory;

    protected virtual void NewRowsSaved() => _newHistory.Clear();

    /// <summary>Appends the next history line; <paramref name="line"/> is given the line's sequence.</summary>
    protected void Record(Func<long, THistory> line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _newHistory.Add(line(++HistoryCount));
    }
}
