using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Reports;

/// <summary>
/// A rated ticket as flat columns: what the service-quality report groups and averages. It reads the same row as
/// <see cref="Ticket"/>, but its rating values are plain columns, not an owned navigation: EF Core 10 translates an
/// aggregate over owned columns inside GROUP BY into one correlated subquery per aggregate and group
/// (dotnet/efcore#29593), which took seconds at a million tickets; over these columns the averages are one GROUP BY.
/// Read-only (a keyless type mapped to a query over the Tickets table).
/// </summary>
public sealed class RatedTicket
{
    public Guid CustomerId { get; init; }

    public string? ProductLineCode { get; init; }

    public string ServiceLevelCode { get; init; } = string.Empty;

    public Priority Priority { get; init; }

    public TicketStatus Status { get; init; }

    public DateTimeOffset RatedAt { get; init; }

    public int Overall { get; init; }

    public int Reliability { get; init; }

    public int Responsiveness { get; init; }

    public int Assurance { get; init; }

    public int Empathy { get; init; }

    public int Tangibles { get; init; }
}
