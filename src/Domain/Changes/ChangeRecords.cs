namespace ServiceDesk.Domain.Changes;

/// <summary>One approver's decision on a submitted change.</summary>
/// <param name="ApproverId">The approver's stable id (compared for the requester and double-approval rules).</param>
/// <param name="Approver">The approver's name, as history shows it.</param>
public sealed record ChangeApproval(string ApproverId, string Approver, ApprovalDecision Decision, string Comment, DateTimeOffset At);

/// <summary>The fields a requester writes (on creation, and while the change is a Draft).</summary>
/// <param name="CustomerId">The customer affected; null for a global change (every customer).</param>
public sealed record ChangeDetails(
    ChangeType? Type,
    ChangeRisk? Risk,
    string Summary,
    string Description,
    string? ImplementationPlan,
    string? BackoutPlan,
    IReadOnlyList<string> ProductCodes,
    Guid? CustomerId);

/// <summary>A scheduled or implementing change whose window overlaps another on a product for a customer.</summary>
public sealed record ChangeConflict(
    string Number,
    string Summary,
    Guid? CustomerId,
    IReadOnlyList<string> ProductCodes,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    ChangeStatus Status);
