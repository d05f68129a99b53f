using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Application.Incidents;

/// <summary>Loads tickets the way every use case must: by kind and number, within the caller's customer, version-checked.</summary>
internal static class TicketAccess
{
    public static string Noun(TicketKind kind) => kind == TicketKind.Incident ? "Incident" : "Service request";

    /// <summary>Tickets the caller may see: a Customer caller only its own customer's.</summary>
    public static IQueryable<Ticket> Visible(this IQueryable<Ticket> tickets, ICurrentUser user)
    {
        if (!user.IsCustomerOnly)
            return tickets;
        var customerId = user.CustomerId ?? Guid.Empty;
        return tickets.Where(t => t.CustomerId == customerId);
    }

    /// <summary>A tracked ticket for a write; 404 when missing or not the caller's; 412 on a stale If-Match.</summary>
    public static async Task<Ticket> LoadForUpdateAsync(this IServiceDeskDbContext db, ICurrentUser user, TicketKind kind, string number, string? ifMatch, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.Visible(user).FirstOrDefaultAsync(t => t.Number == number && t.Kind == kind, cancellationToken)
            ?? throw new NotFoundException(Noun(kind), number);
        if (!ETags.Matches(ifMatch, ETags.FromVersion(ticket.Version)))
            throw new PreconditionFailedException(Noun(kind), number);
        return ticket;
    }

    /// <summary>The ticket's id if the caller may see it (for child lists: comments, history).</summary>
    public static async Task<Guid> VisibleIdAsync(this IServiceDeskDbContext db, ICurrentUser user, TicketKind kind, string number, CancellationToken cancellationToken)
    {
        var id = await db.Tickets.AsNoTracking().Visible(user)
            .Where(t => t.Number == number && t.Kind == kind)
            .Select(t => (Guid?)t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id ?? throw new NotFoundException(Noun(kind), number);
    }
}
