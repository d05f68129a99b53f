using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceDesk.Queries;

/// <summary>Any record the desk took in, whatever its kind, as one summary shape.</summary>
/// <param name="Number" example="INC000042">Its number.</param>
/// <param name="Kind" example="incident">incident, serviceRequest or change.</param>
/// <param name="Status" example="InProgress">Its state (state names as in the domain).</param>
/// <param name="Priority" example="P2">Null for a change.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Summary" example="Core switch in building B is down">One line.</param>
/// <param name="AssignmentGroup" example="Infrastructure">Null for a change.</param>
/// <param name="ExternalReference" example="ACME-7781">The caller's own reference.</param>
/// <param name="OpenedAt">When the desk accepted it.</param>
/// <param name="DueAt">The earliest due time of a clock still counting (the queue's order); null when none.</param>
/// <param name="Links">Where to follow it up.</param>
public sealed record DeskTicketSummary(
    string Number,
    TicketKind Kind,
    string Status,
    Priority? Priority,
    Guid? CustomerId,
    string Summary,
    string? AssignmentGroup,
    string? ExternalReference,
    DateTimeOffset OpenedAt,
    DateTimeOffset? DueAt,
    IReadOnlyDictionary<string, string> Links) : VersionedResponse;
