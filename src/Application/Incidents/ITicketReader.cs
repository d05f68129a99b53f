using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents;

/// <summary>
/// The hottest read of the API, one ticket by kind and number, as a precompiled query (it skips EF's per-call
/// translation-cache lookup). Not scoped to the caller: <see cref="TicketAccess.GetVisibleAsync"/> checks the customer.
/// </summary>
public interface ITicketReader
{
    /// <returns>The ticket as clients read it, or null when there is none of that kind and number.</returns>
    Task<TicketResponse?> FindAsync(TicketKind kind, string number, CancellationToken cancellationToken);
}
