namespace ServiceDesk.Domain.Incidents;

/// <summary>The kind of record a ticket number belongs to (wire spelling: lower camel case).</summary>
public enum TicketKind
{
    Incident,
    ServiceRequest,
    Change,
}

/// <summary>Where a ticket came from (wire spelling: lower camel case).</summary>
public enum Channel
{
    Portal,
    Email,
    Phone,
    Api,
    Monitoring,
    Chat,
}

public enum TicketCategory
{
    Incident,
    Complaint,
    Request,
    Inquiry,
}

public enum TicketStatus
{
    New,
    Assigned,
    InProgress,
    OnHold,
    Resolved,
    Closed,
    Cancelled,
}

/// <summary>Comment visibility (wire spelling: lower camel case): customers never see internal work notes.</summary>
public enum CommentVisibility
{
    Public,
    Internal,
}

/// <summary>A person at the customer the ticket is about.</summary>
public sealed record TicketContact(string Name, string? Email, string? Phone)
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 200;
    public const int PhoneMaxLength = 50;
}
