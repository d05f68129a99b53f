using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;
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
    IReadOnlyDictionary<string, string> Links);

public static class TicketLinks
{
    public static string PathOf(string number) => number[..3] switch
    {
        "INC" => "/api/v1/incidents/" + number,
        "REQ" => "/api/v1/service-requests/" + number,
        "CHG" => "/api/v1/changes/" + number,
        "PRB" => "/api/v1/problems/" + number,
        _ => "/api/v1/service-desk/tickets/" + number,
    };

    public static IReadOnlyDictionary<string, string> For(string number, TicketKind kind)
    {
        var self = PathOf(number);
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
