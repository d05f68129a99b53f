using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.ServiceDesk.Queries;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.ServiceDesk;

/// <summary>What the desk's lookups share: the changes a caller may see, and one summary shape for every kind.</summary>
internal static class ServiceDeskAccess
{
    /// <summary>Changes the caller may see: a Customer caller only its own customer's.</summary>
    public static IQueryable<Change> VisibleChanges(this IServiceDeskDbContext db, ICurrentUser user)
    {
        var changes = db.Changes.AsNoTracking();
        if (user.IsCustomerOnly)
        {
            var customerId = user.CustomerId ?? Guid.Empty;
            changes = changes.Where(c => c.CustomerId == customerId);
        }

        return changes;
    }

    // Links are filled in after the query (they are not data): the projections leave them null.
    public static readonly Expression<Func<Ticket, DeskTicketSummary>> TicketSummary = t =>
        new DeskTicketSummary(t.Number, t.Kind, t.Status.ToString(), t.Priority, t.CustomerId, t.Summary, t.AssignmentGroup, t.ExternalReference, t.OpenedAt,
            t.QueueDueAt == Ticket.NotDue ? null : t.QueueDueAt, null!) { Version = t.Version };

    public static readonly Expression<Func<Change, DeskTicketSummary>> ChangeSummary = c =>
        new DeskTicketSummary(c.Number, TicketKind.Change, c.Status.ToString(), null, c.CustomerId, c.Summary, null, c.ExternalReference, c.CreatedAt, null, null!) { Version = c.Version };

    /// <summary>The summary with its links, once it is out of the database.</summary>
    public static DeskTicketSummary WithLinks(this DeskTicketSummary summary) => summary with { Links = TicketLinks.For(summary.Number, summary.Kind) };
}
