using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Incidents;

/// <summary>
/// The hottest reads of the API, one ticket by kind and number and a page of the ticket list, as precompiled queries
/// (they skip building the projection and EF's per-call translation-cache lookup, which hashes the whole expression
/// tree). Not scoped to the caller: <see cref="TicketAccess.GetVisibleAsync"/> checks the customer of one ticket, and
/// the list handler puts the caller's customer in <see cref="TicketListFilter.CustomerId"/>.
/// </summary>
public interface ITicketReader
{
    /// <returns>The ticket as clients read it, or null when there is none of that kind and number.</returns>
    Task<TicketResponse?> FindAsync(TicketKind kind, string number, CancellationToken cancellationToken);

    /// <returns>At most <see cref="TicketListFilter.Take"/> tickets that match every filter set, newest first, as list items.</returns>
    Task<List<TicketListItem>> ListAsync(TicketListFilter filter, CancellationToken cancellationToken);
}

/// <summary>
/// What a page of the ticket list asks for: the kind, each filter (null: not filtered), the keyset position after
/// which the page starts (the last item's OpenedAt and Number; null: the first page) and how many rows to read.
/// Instants are UTC.
/// </summary>
public sealed record TicketListFilter(
    TicketKind Kind,
    Guid? CustomerId,
    TicketStatus? Status,
    Priority? Priority,
    string? ProductLine,
    string? Group,
    string? Assignee,
    bool? Breached,
    DateTimeOffset? OpenedFrom,
    DateTimeOffset? OpenedTo,
    (DateTimeOffset OpenedAt, string Number)? After,
    int Take);
