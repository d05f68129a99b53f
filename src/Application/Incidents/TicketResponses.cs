using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Incidents;

/// <summary>An incident or a service request as clients read it.</summary>
/// <param name="Number" example="INC000042">The ticket's number.</param>
/// <param name="Kind" example="incident">incident or serviceRequest.</param>
/// <param name="Category" example="Incident">Incident, Complaint, Request or Inquiry.</param>
/// <param name="Status" example="InProgress">New, Assigned, InProgress, OnHold, Resolved, Closed or Cancelled.</param>
/// <param name="Priority" example="P2">Derived from impact x urgency.</param>
/// <param name="Impact" example="High">High, Medium or Low.</param>
/// <param name="Urgency" example="Medium">High, Medium or Low.</param>
/// <param name="CustomerId">The customer it is for.</param>
/// <param name="ProductCode" example="OPS-INF-01">The product concerned, if any.</param>
/// <param name="ProductLineCode" example="OPS">The product's line, if any.</param>
/// <param name="ServiceLevel" example="GOLD">The service level whose targets apply.</param>
/// <param name="AssignmentGroup" example="Infrastructure">The group working it.</param>
/// <param name="Assignee" example="li.wei">The person working it, if any.</param>
/// <param name="EscalationLevel" example="1">Support level 1..3.</param>
/// <param name="Summary" example="Core switch in building B is down">One line.</param>
/// <param name="Description" example="No network on floors 3-5 since 08:40.">What happened.</param>
/// <param name="Channel" example="portal">Where it came from.</param>
/// <param name="Contact">Who to talk to at the customer.</param>
/// <param name="ExternalReference" example="ACME-7781">The caller's own reference.</param>
/// <param name="HoldReason">Why it waits, while OnHold.</param>
/// <param name="ResolutionCode" example="Fixed">Set when resolved.</param>
/// <param name="ResolutionNotes">Set when resolved.</param>
/// <param name="ReopenCount" example="0">How often the customer reopened it.</param>
/// <param name="OpenedAt">When the desk accepted it.</param>
/// <param name="AcknowledgedAt">First response (work started or first public reply).</param>
/// <param name="ResolvedAt">When it was resolved (cleared on reopen).</param>
/// <param name="ClosedAt">When it was closed or cancelled.</param>
/// <param name="ResponseDueAt">When the response target runs out.</param>
/// <param name="ResolutionDueAt">When the resolution target runs out (moves later while on hold).</param>
/// <param name="ResponseState" example="Met">Running, Paused, Met, Breached or Cancelled.</param>
/// <param name="ResolutionState" example="Running">Running, Paused, Met, Breached or Cancelled.</param>
/// <param name="ProblemNumber" example="PRB000007">The problem the incident is linked to, if any.</param>
/// <param name="Workaround" example="Restart the relay service; mail queued meanwhile is delivered.">The linked problem's workaround, once it is a known error.</param>
/// <param name="CausedByChange" example="CHG000042">The change that caused the incident, if one did.</param>
/// <param name="Satisfaction">The customer's satisfaction rating with its score; null until rated.</param>
public sealed record TicketResponse(
    string Number,
    TicketKind Kind,
    TicketCategory Category,
    TicketStatus Status,
    Priority Priority,
    Impact Impact,
    Urgency Urgency,
    Guid CustomerId,
    string? ProductCode,
    string? ProductLineCode,
    string ServiceLevel,
    string AssignmentGroup,
    string? Assignee,
    int EscalationLevel,
    string Summary,
    string Description,
    Channel Channel,
    TicketContact Contact,
    string? ExternalReference,
    string? HoldReason,
    string? ResolutionCode,
    string? ResolutionNotes,
    int ReopenCount,
    DateTimeOffset OpenedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? ResponseDueAt,
    DateTimeOffset? ResolutionDueAt,
    SlaClockState ResponseState,
    SlaClockState ResolutionState,
    string? ProblemNumber,
    string? Workaround,
    string? CausedByChange,
    SatisfactionResponse? Satisfaction) : VersionedResponse;

/// <summary>
/// An incident or a service request as a list shows it: what a queue or a search result needs to pick one out
/// (state, priority, who has it, its SLA clocks); the whole ticket is one <c>GET</c> of its number away.
/// </summary>
/// <param name="Number" example="INC000042">The ticket's number.</param>
/// <param name="Kind" example="incident">incident or serviceRequest.</param>
/// <param name="Category" example="Incident">Incident, Complaint, Request or Inquiry.</param>
/// <param name="Status" example="InProgress">New, Assigned, InProgress, OnHold, Resolved, Closed or Cancelled.</param>
/// <param name="Priority" example="P2">Derived from impact x urgency.</param>
/// <param name="CustomerId">The customer it is for.</param>
/// <param name="ProductCode" example="OPS-INF-01">The product concerned, if any.</param>
/// <param name="ProductLineCode" example="OPS">The product's line, if any.</param>
/// <param name="ServiceLevel" example="GOLD">The service level whose targets apply.</param>
/// <param name="AssignmentGroup" example="Infrastructure">The group working it.</param>
/// <param name="Assignee" example="li.wei">The person working it, if any.</param>
/// <param name="Summary" example="Core switch in building B is down">One line.</param>
/// <param name="OpenedAt">When the desk accepted it.</param>
/// <param name="ResponseDueAt">When the response target runs out.</param>
/// <param name="ResolutionDueAt">When the resolution target runs out (moves later while on hold).</param>
/// <param name="ResponseState" example="Met">Running, Paused, Met, Breached or Cancelled.</param>
/// <param name="ResolutionState" example="Running">Running, Paused, Met, Breached or Cancelled.</param>
public sealed record TicketListItem(
    string Number,
    TicketKind Kind,
    TicketCategory Category,
    TicketStatus Status,
    Priority Priority,
    Guid CustomerId,
    string? ProductCode,
    string? ProductLineCode,
    string ServiceLevel,
    string AssignmentGroup,
    string? Assignee,
    string Summary,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ResponseDueAt,
    DateTimeOffset? ResolutionDueAt,
    SlaClockState ResponseState,
    SlaClockState ResolutionState);

/// <summary>A comment on a ticket.</summary>
/// <param name="Sequence" example="3">Position among the ticket's comments.</param>
/// <param name="At">When it was written.</param>
/// <param name="Author" example="li.wei">Who wrote it.</param>
/// <param name="Body" example="Replaced the failed line card; monitoring.">The text.</param>
/// <param name="Visibility" example="public">public or internal.</param>
public sealed record CommentResponse(long Sequence, DateTimeOffset At, string Author, string Body, CommentVisibility Visibility);

/// <summary>Both SLA clocks of a ticket, as of now.</summary>
/// <param name="Number" example="INC000042">The ticket.</param>
/// <param name="Response">The first-response clock.</param>
/// <param name="Resolution">The resolution clock.</param>
public sealed record TicketSlaResponse(string Number, SlaClockResponse Response, SlaClockResponse Resolution);

/// <summary>One SLA clock in business minutes on its calendar.</summary>
/// <param name="State" example="Running">Running, Paused, Met, Breached or Cancelled (stopped by a cancel with no outcome).</param>
/// <param name="TargetMinutes" example="720">Target in business minutes for the current priority.</param>
/// <param name="ElapsedMinutes" example="95">Business minutes counted so far (paused time excluded).</param>
/// <param name="RemainingMinutes" example="625">Target minus elapsed, never below 0.</param>
/// <param name="PausedMinutes" example="30">Business minutes spent on hold.</param>
/// <param name="Percentage" example="13">Elapsed as a percentage of the target.</param>
/// <param name="DueAt">When the target runs out (for a paused clock: if it resumed now).</param>
/// <param name="CalendarCode" example="7X12-CN">The calendar the clock counts on.</param>
public sealed record SlaClockResponse(
    SlaClockState State,
    int TargetMinutes,
    long ElapsedMinutes,
    long RemainingMinutes,
    long PausedMinutes,
    int Percentage,
    DateTimeOffset? DueAt,
    string CalendarCode);
