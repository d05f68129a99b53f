using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.ServiceDesk;

/// <summary>Hands out ticket numbers: one sequence per kind, never reused, safe under concurrent intake.</summary>
public interface ITicketNumbers
{
    /// <returns>The next number of the kind, e.g. <c>INC000042</c>.</returns>
    Task<string> NextAsync(TicketKind kind, CancellationToken cancellationToken);

    /// <summary>The next number of any numbered record by its prefix: <c>CHG</c> (shared with the desk's change requests), <c>PRB</c>.</summary>
    /// <returns>The next number, e.g. <c>PRB000007</c>.</returns>
    Task<string> NextAsync(string prefix, CancellationToken cancellationToken);
}
