namespace ServiceDesk.Domain.Changes;

/// <summary>
/// One product a change affects, with copies of what the overlap query reads (customer, status, planned window). It
/// is the indexed table conflicts are found in, by product and window, without reading the changes themselves. The
/// aggregate keeps every row in step with itself on every change (<see cref="Change"/> is the only writer).
/// </summary>
public sealed class ChangeProduct
{
    private ChangeProduct()
    {
        Number = ProductCode = string.Empty;
    }

    internal ChangeProduct(Guid changeId, string number, string productCode)
    {
        ChangeId = changeId;
        Number = number;
        ProductCode = productCode;
    }

    public Guid ChangeId { get; private set; }

    public string Number { get; private set; }

    public string ProductCode { get; private set; }

    public Guid? CustomerId { get; private set; }

    public ChangeStatus Status { get; private set; }

    public DateTimeOffset? PlannedStart { get; private set; }

    public DateTimeOffset? PlannedEnd { get; private set; }

    internal void Mirror(Change change)
    {
        if (CustomerId != change.CustomerId)
            CustomerId = change.CustomerId;
        if (Status != change.Status)
            Status = change.Status;
        if (PlannedStart != change.PlannedStart)
            PlannedStart = change.PlannedStart;
        if (PlannedEnd != change.PlannedEnd)
            PlannedEnd = change.PlannedEnd;
    }
}
