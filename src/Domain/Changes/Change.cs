using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Domain.Changes;

public enum ChangeStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
    Scheduled,
    Implementing,
    Implemented,
    Reviewed,
    Closed,
    Cancelled,
}

/// <summary>
/// A change request (CHG). The desk's intake creates it in <see cref="ChangeStatus.Draft"/>; assessment, approval,
/// scheduling and implementation are the change-management flow's (see the README's notes on what is not done yet).
/// </summary>
public sealed class Change : Entity, IHasDomainEvents
{
    private readonly List<DomainEvent> _events = [];

    private Change()
    {
        Number = Summary = Description = RequestedBy = string.Empty;
    }

    private Change(Guid id, string number, Guid? customerId, IReadOnlyList<string> productCodes, string summary, string description,
        Channel channel, string? externalReference, string requestedBy, DateTimeOffset createdAt)
    {
        Id = id;
        Number = number;
        CustomerId = customerId;
        ProductCodes = productCodes;
        Summary = Guard.Required(summary, "summary", Ticket.SummaryMaxLength);
        Description = Guard.Required(description, "description", Ticket.DescriptionMaxLength);
        Channel = channel;
        ExternalReference = externalReference;
        RequestedBy = requestedBy;
        CreatedAt = createdAt;
        LastChangedAt = createdAt;
        Status = ChangeStatus.Draft;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; }

    public Guid? CustomerId { get; private set; }

    public IReadOnlyList<string> ProductCodes { get; private set; } = [];

    public string Summary { get; private set; }

    public string Description { get; private set; }

    public Channel Channel { get; private set; }

    public string? ExternalReference { get; private set; }

    public string RequestedBy { get; private set; }

    public ChangeStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastChangedAt { get; private set; }

    public IReadOnlyList<DomainEvent> DomainEvents => _events;

    public void ClearDomainEvents() => _events.Clear();

    /// <summary>A change request raised at the desk: a Draft for change management to complete.</summary>
    public static Change Raise(string number, Guid customerId, string? productCode, string summary, string description,
        Channel channel, string? externalReference, string requestedBy, DateTimeOffset at)
    {
        var change = new Change(Guid.CreateVersion7(at), number, customerId, productCode is null ? [] : [productCode], summary, description,
            channel, externalReference, requestedBy, at);
        change._events.Add(new DomainEvent("ticket.created", number, at, new Dictionary<string, object?>
        {
            ["kind"] = "Change",
            ["customerId"] = customerId,
        }));
        return change;
    }
}
