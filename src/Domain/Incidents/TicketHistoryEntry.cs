namespace ServiceDesk.Domain.Incidents;

/// <summary>
/// One line of a ticket's history: who changed what, when, from what to what. Append-only: nothing on a ticket
/// changes without one.
/// </summary>
public sealed class TicketHistoryEntry
{
    private TicketHistoryEntry()
    {
        Actor = Action = string.Empty;
    }

    public TicketHistoryEntry(Guid ticketId, long sequence, DateTimeOffset at, string actor, string action, string? field, string? oldValue, string? newValue, bool isInternal = false)
    {
        Id = Guid.CreateVersion7(at);
        TicketId = ticketId;
        Sequence = sequence;
        At = at;
        Actor = actor;
        Action = action;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        IsInternal = isInternal;
    }

    public Guid Id { get; private set; }

    public Guid TicketId { get; private set; }

    /// <summary>Position in the ticket's history (1, 2, ...): the order entries were made in.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; }

    /// <summary>What happened: created, status, priority, assignment, comment, escalated, ...</summary>
    public string Action { get; private set; }

    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    /// <summary>Entries about internal work notes are hidden from customers.</summary>
    public bool IsInternal { get; private set; }
}

/// <summary>A comment on a ticket: public (the customer sees it) or an internal work note.</summary>
public sealed class TicketComment
{
    public const int BodyMaxLength = 8000;

    private TicketComment()
    {
        Author = Body = string.Empty;
    }

    public TicketComment(Guid ticketId, long sequence, DateTimeOffset at, string author, string body, CommentVisibility visibility)
    {
        Id = Guid.CreateVersion7(at);
        TicketId = ticketId;
        Sequence = sequence;
        At = at;
        Author = author;
        Body = body;
        Visibility = visibility;
    }

    public Guid Id { get; private set; }

    public Guid TicketId { get; private set; }

    /// <summary>Position among the ticket's comments (1, 2, ...).</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Author { get; private set; }

    public string Body { get; private set; }

    public CommentVisibility Visibility { get; private set; }
}
