using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Integrations;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Common.Interfaces;

/// <summary>The unit of work handlers use: one DbContext per request, whatever the database provider.</summary>
public interface IServiceDeskDbContext
{
    DbSet<ProductLine> ProductLines { get; }

    DbSet<ProductSeries> ProductSeries { get; }

    DbSet<Product> Products { get; }

    DbSet<ServiceLevel> ServiceLevels { get; }

    DbSet<BusinessCalendar> Calendars { get; }

    DbSet<Customer> Customers { get; }

    DbSet<Agreement> Agreements { get; }

    DbSet<ApiKey> ApiKeys { get; }

    DbSet<Ticket> Tickets { get; }

    /// <summary>Rated tickets as flat rows, for the reports' satisfaction averages (read-only).</summary>
    IQueryable<Reports.RatedTicket> RatedTickets { get; }

    DbSet<TicketComment> TicketComments { get; }

    DbSet<TicketHistoryEntry> TicketHistory { get; }

    DbSet<AssignmentGroup> AssignmentGroups { get; }

    DbSet<Change> Changes { get; }

    DbSet<ChangeProduct> ChangeProducts { get; }

    DbSet<ChangeHistoryEntry> ChangeHistory { get; }

    DbSet<FreezePeriod> FreezePeriods { get; }

    DbSet<Problem> Problems { get; }

    DbSet<ProblemHistoryEntry> ProblemHistory { get; }

    DbSet<KnowledgeArticle> KnowledgeArticles { get; }

    DbSet<WebhookSubscription> WebhookSubscriptions { get; }

    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts a new aggregate with everything a save would write with it (history lines, events), in one command and
    /// without the change tracker: for the intake's hot path. The aggregate must not be tracked.
    /// </summary>
    Task InsertNewAsync(Domain.Common.Entity aggregate, CancellationToken cancellationToken = default);

    /// <summary>Forgets everything loaded or changed in this unit of work, so a command can run again from its load.</summary>
    void DiscardChanges();
}
