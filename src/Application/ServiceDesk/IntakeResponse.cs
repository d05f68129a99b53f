using System.Diagnostics;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceDesk;

/// <summary>What the desk answers when it accepts a ticket.</summary>
/// <param name="Number" example="INC000042">The new record's number.</param>
/// <param name="Kind" example="incident">incident, serviceRequest or change.</param>
/// <param name="Priority" example="P2">From impact x urgency (null for a change request).</param>
/// <param name="ServiceLevel" example="GOLD">The level the customer is entitled to for this product.</param>
/// <param name="AssignmentGroup" example="Infrastructure">Where it was routed.</param>
/// <param name="Status" example="New">New (Draft for a change request).</param>
/// <param name="ResponseDueAt">When the first-response target runs out.</param>
/// <param name="ResolutionDueAt">When the resolution target runs out.</param>
/// <param name="Links">Where to follow the record up.</param>
public sealed record IntakeResponse(
    string Number,
    TicketKind Kind,
    Priority? Priority,
    string? ServiceLevel,
    string? AssignmentGroup,
    string Status,
    DateTimeOffset? ResponseDueAt,
    DateTimeOffset? ResolutionDueAt,
    IReadOnlyDictionary<string, string> Links) : VersionedResponse;

/// <summary>Where to follow a record up, as API paths.</summary>
public static class TicketLinks
{
    /// <summary>The root every API route is mapped under (see the Api's <c>Program.cs</c>).</summary>
    public const string ApiRoot = "/api/v1";

    public static string PathOf(TicketKind kind, string number) => kind switch
    {
        TicketKind.Incident => ApiRoot + "/incidents/" + number,
        TicketKind.ServiceRequest => ApiRoot + "/service-requests/" + number,
        TicketKind.Change => ApiRoot + "/changes/" + number,
        _ => throw new UnreachableException($"Unknown ticket kind {kind}."),
    };

    public static IReadOnlyDictionary<string, string> For(string number, TicketKind kind)
    {
        var self = PathOf(kind, number);
        return kind == TicketKind.Change
            ? new Dictionary<string, string> { ["self"] = self }
            : new Dictionary<string, string>
            {
                ["self"] = self,
                ["sla"] = self + "/sla",
                ["comments"] = self + "/comments",
                ["history"] = self + "/history",
            };
    }
}
