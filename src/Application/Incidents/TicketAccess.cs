using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;

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
        var customerId = OwnCustomer(user);
        return tickets.Where(t => t.CustomerId == customerId);
    }

    /// <summary>
    /// The customer filter of a list the caller may see: what it asked for (null: every customer), or for a Customer
    /// caller its own customer; false when a Customer caller asks for another customer's (an empty list).
    /// </summary>
    public static bool TryVisibleCustomer(this ICurrentUser user, Guid? asked, out Guid? customerId)
    {
        customerId = asked;
        if (!user.IsCustomerOnly)
            return true;
        customerId = OwnCustomer(user);
        return asked is null || asked == customerId;
    }

    /// <summary>A Customer caller's customer (one without a customer sees none).</summary>
    private static Guid OwnCustomer(ICurrentUser user) => user.CustomerId ?? Guid.Empty;

    /// <summary>A tracked ticket for a write; 404 when missing or not the caller's; 412 on a stale If-Match.</summary>
    public static Task<Ticket> LoadForUpdateAsync(this IServiceDeskDbContext db, ICurrentUser user, TicketKind kind, string number, string? ifMatch, CancellationToken cancellationToken) =>
        db.Tickets.Visible(user).LoadForUpdateAsync(ByNumber(kind, number), ifMatch, Noun(kind), number, cancellationToken);

    /// <summary>An untracked ticket the caller may see; 404 otherwise.</summary>
    public static async Task<Ticket> LoadVisibleAsync(this IServiceDeskDbContext db, ICurrentUser user, TicketKind kind, string number, CancellationToken cancellationToken) =>
        await db.Tickets.AsNoTracking().Visible(user).FirstOrDefaultAsync(ByNumber(kind, number), cancellationToken)
        ?? throw new NotFoundException(Noun(kind), number);

    /// <summary>
    /// A ticket as clients read it, if the caller may see it; 404 otherwise. The hottest read of the API: the reader
    /// runs a precompiled query by kind and number, and the customer check is made here on the result.
    /// </summary>
    public static async Task<TicketResponse> GetVisibleAsync(this ITicketReader reader, ICurrentUser user, TicketKind kind, string number, CancellationToken cancellationToken)
    {
        var ticket = await reader.FindAsync(kind, number, cancellationToken);
        return ticket is not null && (!user.IsCustomerOnly || ticket.CustomerId == user.CustomerId)
            ? ticket
            : throw new NotFoundException(Noun(kind), number);
    }

    /// <summary>The ticket's id if the caller may see it (for child lists: comments, history).</summary>
    public static async Task<Guid> VisibleIdAsync(this IServiceDeskDbContext db, ICurrentUser user, TicketKind kind, string number, CancellationToken cancellationToken)
    {
        var id = await db.Tickets.AsNoTracking().Visible(user)
            .Where(ByNumber(kind, number))
            .Select(t => (Guid?)t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id ?? throw new NotFoundException(Noun(kind), number);
    }

    private static Expression<Func<Ticket, bool>> ByNumber(TicketKind kind, string number) => t => t.Number == number && t.Kind == kind;
}
