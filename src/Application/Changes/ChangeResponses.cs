using System.Text.Json.Serialization;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Changes;

/// <summary>A change request as clients read it.</summary>
/// <param name="Number" example="CHG000042">The change's number (one sequence with the desk's change requests).</param>
/// <param name="Status" example="Scheduled">Draft, Submitted, Approved, Rejected, Scheduled, Implementing, Implemented, Reviewed, Closed or Cancelled.</param>
/// <param name="Type" example="Normal">Standard, Normal or Emergency (null while a desk-raised Draft is incomplete).</param>
/// <param name="Risk" example="High">Low, Medium or High (null while a desk-raised Draft is incomplete).</param>
/// <param name="Summary" example="Upgrade core switch firmware in building B">One line.</param>
/// <param name="Description" example="Vendor advisory 2026-114: the current firmware drops VLAN trunks under load.">What and why.</param>
/// <param name="ImplementationPlan" example="1. Back up the running config. 2. Load firmware 17.9.4. 3. Reload in the window.">How it is carried out.</param>
/// <param name="BackoutPlan" example="Boot the previous image from flash and restore the saved config.">How it is undone.</param>
/// <param name="ProductCodes">The catalog products it affects.</param>
/// <param name="CustomerId">The customer it affects; null for a global change (every customer).</param>
/// <param name="Channel" example="api">Where it came from (a desk-raised change keeps its intake channel).</param>
/// <param name="ExternalReference" example="ACME-CR-88">The caller's own reference, for desk-raised changes.</param>
/// <param name="RequestedBy" example="li.wei">Who requested it (cannot approve it).</param>
/// <param name="RequiredApprovals" example="2">Approvals needed: Standard 0, Normal 1 (2 at High risk), Emergency 1.</param>
/// <param name="Approvals">Each approver's decision, in order.</param>
/// <param name="PlannedStart">Start of the planned window (set when scheduled).</param>
/// <param name="PlannedEnd">End of the planned window.</param>
/// <param name="Conflicts">Changes whose windows overlapped on the same products when it was scheduled.</param>
/// <param name="ScheduledInFreeze" example="false">True for an Emergency change scheduled into a freeze period.</param>
/// <param name="FreezeOverrides">The freeze periods an Emergency change was scheduled into.</param>
/// <param name="ActualStart">When implementation started.</param>
/// <param name="ActualEnd">When implementation was completed.</param>
/// <param name="Outcome" example="Successful">Review outcome: Successful, Failed or RolledBack.</param>
/// <param name="ReviewNotes" example="Firmware loaded, trunks stable under load test.">What the review found.</param>
/// <param name="FixesIncidents">Incidents this change fixes.</param>
/// <param name="FixesProblems">Problems this change fixes.</param>
/// <param name="CausedIncidents">Incidents that name this change as their cause.</param>
/// <param name="CreatedAt">When it was raised.</param>
/// <param name="SubmittedAt">When it was submitted for approval.</param>
/// <param name="ApprovedAt">When it was approved.</param>
/// <param name="ClosedAt">When it was closed, rejected or cancelled.</param>
/// <param name="LastChangedAt">When it last changed.</param>
public sealed record ChangeResponse(
    string Number,
    ChangeStatus Status,
    ChangeType? Type,
    ChangeRisk? Risk,
    string Summary,
    string Description,
    string? ImplementationPlan,
    string? BackoutPlan,
    IReadOnlyList<string> ProductCodes,
    Guid? CustomerId,
    Channel Channel,
    string? ExternalReference,
    string RequestedBy,
    int RequiredApprovals,
    IReadOnlyList<ChangeApprovalResponse> Approvals,
    DateTimeOffset? PlannedStart,
    DateTimeOffset? PlannedEnd,
    IReadOnlyList<string> Conflicts,
    bool ScheduledInFreeze,
    IReadOnlyList<string> FreezeOverrides,
    DateTimeOffset? ActualStart,
    DateTimeOffset? ActualEnd,
    ChangeOutcome? Outcome,
    string? ReviewNotes,
    IReadOnlyList<string> FixesIncidents,
    IReadOnlyList<string> FixesProblems,
    IReadOnlyList<string> CausedIncidents,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset LastChangedAt) : IHasETag
{
    [JsonIgnore]
    public int Version { get; init; }

    [JsonIgnore]
    public string ETag => ETags.FromVersion(Version);
}

/// <summary>One approver's decision.</summary>
/// <param name="Approver" example="zhao.min">Who decided.</param>
/// <param name="Decision" example="Approved">Approved or Rejected.</param>
/// <param name="Comment" example="Backout plan tested in the lab.">Why.</param>
/// <param name="At">When.</param>
public sealed record ChangeApprovalResponse(string Approver, ApprovalDecision Decision, string Comment, DateTimeOffset At);

/// <summary>A scheduled or implementing change whose window overlaps the one asked about.</summary>
/// <param name="Number" example="CHG000017">The overlapping change.</param>
/// <param name="Summary" example="Replace UPS batteries in room 2">Its summary.</param>
/// <param name="Type" example="Normal">Its type.</param>
/// <param name="Status" example="Scheduled">Scheduled or Implementing.</param>
/// <param name="CustomerId">Its customer; null when it is global.</param>
/// <param name="ProductCode" example="OPS-INF-03">The product both affect.</param>
/// <param name="PlannedStart">Its window's start.</param>
/// <param name="PlannedEnd">Its window's end.</param>
public sealed record ChangeConflictResponse(
    string Number,
    string Summary,
    ChangeType? Type,
    ChangeStatus Status,
    Guid? CustomerId,
    string ProductCode,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd);

/// <summary>A freeze period: no Normal or Standard change may be scheduled into it.</summary>
/// <param name="Id" example="019abcde-0000-7000-8000-00000000f001">Its id.</param>
/// <param name="Name" example="Year-end close">What it protects.</param>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it ends.</param>
/// <param name="CustomerId">The customer it protects; null for a global freeze.</param>
/// <param name="CreatedBy" example="wang.fang">Who declared it.</param>
/// <param name="CreatedAt">When it was declared.</param>
public sealed record FreezePeriodResponse(string Id, string Name, DateTimeOffset Start, DateTimeOffset End, Guid? CustomerId, string CreatedBy, DateTimeOffset CreatedAt) : IHasETag
{
    [JsonIgnore]
    public int Version { get; init; }

    [JsonIgnore]
    public string ETag => ETags.FromVersion(Version);
}
