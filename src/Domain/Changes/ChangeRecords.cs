namespace ServiceDesk.Domain.Changes;

/// <summary>One approver's decision on a submitted change.</summary>
/// <param name="ApproverId">The approver's stable id (compared for the requester and double-approval rules).</param>
/// <param name="Approver">The approver's name, as history shows it.</param>
public sealed record ChangeApproval(string ApproverId, string Approver, ApprovalDecision Decision, string Comment, DateTimeOffset At);

/// <summary>
/// The fields a requester writes (on creation, and while the change is a Draft). Set by name: several are strings
/// that a positional list would let a caller swap without the compiler noticing.
/// </summary>
public sealed record ChangeDetails
{
    public ChangeType? Type { get; init; }

    public ChangeRisk? Risk { get; init; }

    public required string Summary { get; init; }

    public required string Description { get; init; }

    public string? ImplementationPlan { get; init; }

    public string? BackoutPlan { get; init; }

    public IReadOnlyList<string> ProductCodes { get; init; } = [];

    /// <summary>The customer affected; null for a global change (every customer).</summary>
    public Guid? CustomerId { get; init; }
}

/// <summary>A scheduled or implementing change whose window overlaps another on a product for a customer.</summary>
public sealed record ChangeConflict(
    string Number,
    string Summary,
    Guid? CustomerId,
    IReadOnlyList<string> ProductCodes,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    ChangeStatus Status);
