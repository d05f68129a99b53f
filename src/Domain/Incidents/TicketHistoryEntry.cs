using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Incidents;

/// <summary>A line of a ticket's history; lines about internal work notes are hidden from customers.</summary>
public sealed class TicketHistoryEntry : HistoryEntry
{
    private TicketHistoryEntry()
    {
    }

    public TicketHistoryEntry(Guid ticketId, long sequence, DateTimeOffset at, string actor, string action, string? field, string? oldValue, string? newValue, bool isInternal = false, string? note = null)
        : base(ticketId, sequence, at, actor, action, field, oldValue, newValue, note)
    {
        IsInternal = isInternal;
    }

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
