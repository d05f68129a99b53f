using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Domain.Incidents;

/// <summary>What the desk's intake has decided about a ticket it accepts (see <see cref="Ticket.Open"/>).</summary>
/// <param name="Number">The readable number (INC000001, REQ000001).</param>
/// <param name="ProductLineCode">The line of <paramref name="ProductCode"/> (line-level agreements and reports use it).</param>
/// <param name="ExternalReference">The caller's own reference, to find the ticket again.</param>
/// <param name="AssignmentGroup">Where the product's series routes it (or Service Desk triage).</param>
public sealed record NewTicket(
    string Number,
    TicketKind Kind,
    TicketCategory Category,
    Guid CustomerId,
    string? ProductCode,
    string? ProductLineCode,
    string Summary,
    string Description,
    Impact Impact,
    Urgency Urgency,
    Channel Channel,
    TicketContact Contact,
    string? ExternalReference,
    string AssignmentGroup);
