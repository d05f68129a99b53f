using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Infrastructure.Persistence.Outbox;

namespace ServiceDesk.Infrastructure.Persistence.Configurations;

/// <summary>
/// The ticket's table and its indexes. An index whose key is null when a ticket is raised (a first response, a
/// resolution, a link, a rating: none exists yet) is partial, <c>WHERE key IS NOT NULL</c>: intake writes no entry in
/// it, and every query it serves compares its key (a range or an equality), which implies the key is not null, so
/// the planner still picks it (PostgreSQL, SQLite and SQL Server alike).
/// </summary>
/// <param name="sql">The provider's SQL helper: a filter names its column as the provider quotes it (<c>"Key"</c>,
/// or <c>[Key]</c> on SQL Server). Hence the constructor argument: the context applies this configuration itself.</param>
/// <param name="filtersMayUseOr">False on SQL Server, whose filtered indexes take only AND-ed comparisons.</param>
internal sealed class TicketConfiguration(ISqlGenerationHelper sql, bool filtersMayUseOr) : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("Tickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Number).HasMaxLength(DeskRecord.NumberMaxLength);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Category).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Priority).HasConversion<string>().HasMaxLength(2);
        builder.Property(t => t.Impact).HasConversion<string>().HasMaxLength(8);
        builder.Property(t => t.Urgency).HasConversion<string>().HasMaxLength(8);
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ProductCode).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(t => t.ProductLineCode).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(t => t.ServiceLevelCode).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(t => t.Summary).HasMaxLength(Ticket.SummaryMaxLength);
        builder.Property(t => t.Description).HasMaxLength(Ticket.DescriptionMaxLength);
        builder.Property(t => t.ExternalReference).HasMaxLength(DeskRecord.ExternalReferenceMaxLength);
        builder.Property(t => t.AssignmentGroup).HasMaxLength(AssignmentGroup.NameMaxLength);
        builder.Property(t => t.Assignee).HasMaxLength(Ticket.AssigneeMaxLength);
        builder.Property(t => t.HoldReason).HasMaxLength(Ticket.ReasonMaxLength);
        builder.Property(t => t.ResolutionCode).HasMaxLength(Ticket.ResolutionCodeMaxLength);
        builder.Property(t => t.ResolutionNotes).HasMaxLength(Ticket.ReasonMaxLength);
        builder.ComplexProperty(t => t.Contact, contact =>
        {
            contact.Property(c => c.Name).HasColumnName("ContactName").HasMaxLength(TicketContact.NameMaxLength);
            contact.Property(c => c.Email).HasColumnName("ContactEmail").HasMaxLength(TicketContact.EmailMaxLength);
            contact.Property(c => c.Phone).HasColumnName("ContactPhone").HasMaxLength(TicketContact.PhoneMaxLength);
        });
        builder.OwnsOne(t => t.Response, clock => ConfigureClock(clock, "Response"));
        builder.OwnsOne(t => t.Resolution, clock => ConfigureClock(clock, "Resolution"));
        builder.Navigation(t => t.Response).IsRequired();
        builder.Navigation(t => t.Resolution).IsRequired();
        // The customer's rating: its values on the ticket's row (null until rated); the score is computed when read.
        builder.OwnsOne(t => t.Satisfaction, rating =>
        {
            rating.Property(r => r.Overall).HasColumnName("SatisfactionOverall");
            rating.Property(r => r.Reliability).HasColumnName("SatisfactionReliability");
            rating.Property(r => r.Responsiveness).HasColumnName("SatisfactionResponsiveness");
            rating.Property(r => r.Assurance).HasColumnName("SatisfactionAssurance");
            rating.Property(r => r.Empathy).HasColumnName("SatisfactionEmpathy");
            rating.Property(r => r.Tangibles).HasColumnName("SatisfactionTangibles");
            rating.Property(r => r.Comment).HasColumnName("SatisfactionComment").HasMaxLength(SatisfactionRating.CommentMaxLength);
            rating.Property(r => r.RatedAt).HasColumnName("SatisfactionRatedAt");
            rating.Property(r => r.RatedBy).HasColumnName("SatisfactionRatedBy").HasMaxLength(SatisfactionRating.RatedByMaxLength);
            // GetServiceQuality "rated": ratings given in a period (RatedTicket, a range on RatedAt). Partial: unrated
            // tickets are not in it. The migrations AddCoveringReportIndexes and MakeNullAtIntakeIndexesPartial rebuild it
            // on PostgreSQL and SQL Server with INCLUDE (the report columns and the six values): EF Core cannot include
            // the owner's columns in an owned type's index, so that part is SQL in the migration (ReportIndexes).
            KeyNotNull(rating.HasIndex(r => r.RatedAt));
        });
        builder.Ignore(t => t.IsOpen);
        builder.Ignore(t => t.DomainEvents);
        builder.Ignore(t => t.NewHistory);
        builder.Ignore(t => t.NewComments);
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // GetTicket, GetTicketSla and every action by number; numbers are unique.
        builder.HasIndex(t => t.Number).IsUnique();
        // ListTickets (GET /incidents, /service-requests), newest first, keyset on (OpenedAt, Number): each filter has an
        // index that ends in the sort order, so the first page reads 51 index entries, never a sort or a filtered scan
        // (README "At a million tickets" has the plans). No filter, and openedFrom/openedTo; and GetServiceQuality
        // "opened" (a range of OpenedAt for each of the two kinds), which its INCLUDE answers from the index alone.
        // There is no index led by OpenedAt on purpose: its order matches the table's, so the planner preferred it for
        // every filtered first page and scanned past all the newest tickets that did not match (130 ms at 1M).
        Covering(builder.HasIndex(t => new { t.Kind, t.OpenedAt, t.Number }));
        // ListTickets ?customerId=, and every list a Customer key reads (Visible(user) filters by customer):
        builder.HasIndex(t => new { t.CustomerId, t.Kind, t.OpenedAt, t.Number });
        // ListTickets ?status=:
        builder.HasIndex(t => new { t.Kind, t.Status, t.OpenedAt, t.Number });
        // ListTickets ?priority=:
        builder.HasIndex(t => new { t.Kind, t.Priority, t.OpenedAt, t.Number });
        // ListTickets ?group=:
        builder.HasIndex(t => new { t.Kind, t.AssignmentGroup, t.OpenedAt, t.Number });
        // ListTickets ?assignee=. Partial: nobody is assigned at intake (the filter's equality implies the assignee is set).
        NotNull(builder.HasIndex(t => new { t.Kind, t.Assignee, t.OpenedAt, t.Number }), nameof(Ticket.Assignee));
        // ListTickets ?productLine=:
        builder.HasIndex(t => new { t.Kind, t.ProductLineCode, t.OpenedAt, t.Number });
        // ListTickets ?breached=true (either clock Breached). Partial: only breached tickets are in it, so intake (both
        // clocks running) writes no entry, and the first page reads 51 entries instead of filtering past every recent
        // ticket, none of them breached yet (22 ms at 1M tickets through the list index). Not on SQL Server, whose
        // filtered indexes cannot say OR: there the filter reads the list index as before.
        var (response, resolution, breached) = (sql.DelimitIdentifier("ResponseState"), sql.DelimitIdentifier("ResolutionState"), nameof(SlaClockState.Breached));
        if (filtersMayUseOr)
            builder.HasIndex(t => new { t.Kind, t.OpenedAt, t.Number }, "IX_Tickets_Kind_OpenedAt_Number_Breached")
                .HasFilter($"{response} = '{breached}' OR {resolution} = '{breached}'");
        // ListTickets ?breached=false (neither clock Breached). Partial: breached tickets are not in it, so the first page
        // reads 51 entries even when the newest tickets are breached (on a million tickets left to age for a night, the
        // newest 32,051 incidents were, and the list index read past all of them: 112 ms at p99). Intake writes an entry
        // in it (both clocks running). An AND of comparisons, so SQL Server's filtered indexes can say it too.
        builder.HasIndex(t => new { t.Kind, t.OpenedAt, t.Number }, "IX_Tickets_Kind_OpenedAt_Number_NotBreached")
            .HasFilter($"{response} <> '{breached}' AND {resolution} <> '{breached}'");
        // FindByExternalReference (GET /service-desk/tickets?externalReference=, an equality). Partial: a ticket raised
        // without a reference is not in it.
        KeyNotNull(builder.HasIndex(t => t.ExternalReference));
        // GetQueue (GET /service-desk/queue): open tickets, soonest due first.
        builder.HasIndex(t => new { t.IsOpenFlag, t.QueueDueAt, t.Number });
        // SlaMonitor.RunOnceAsync reads only tickets with something due.
        builder.HasIndex(t => t.NextCheckAt);
        builder.Property(t => t.ProblemNumber).HasMaxLength(DeskRecord.NumberMaxLength);
        builder.Property(t => t.Workaround).HasMaxLength(Problem.TextMaxLength);
        builder.Property(t => t.CausedByChange).HasMaxLength(DeskRecord.NumberMaxLength);
        // A problem's incidents: ProblemAccess (GetProblem and the problem actions: ProblemNumber = the problem's
        // number; the problem list: ProblemNumber IN the page's numbers) and UnlinkIncident. Partial: only linked incidents.
        KeyNotNull(builder.HasIndex(t => new { t.ProblemNumber, t.Number }));
        // The incidents a change caused, by CausedByChange = the change's number: no query of the service reads it
        // today (GetChange lists the change's own CausedIncidents); kept for that lookup. Partial: only incidents
        // named as caused by a change are in it, so it costs intake nothing.
        KeyNotNull(builder.HasIndex(t => t.CausedByChange));
        // GetServiceQuality: each figure is one GROUP BY over a range of the instant that puts a ticket in the period.
        // The index carries what the query reads (the cancelled filter, a Customer caller's filter, every grouping
        // column, the means' minutes) so PostgreSQL and SQL Server answer it from the index alone (index-only scan),
        // without a heap fetch per ticket. SQLite has no INCLUDE and keeps the plain index. All but "opened" are
        // partial: a ticket not yet acknowledged, resolved or reopened is not in them. ("opened": (Kind, OpenedAt, Number) above.)
        // "acknowledged" (MTTA):
        Covering(KeyNotNull(builder.HasIndex(t => t.AcknowledgedAt)), nameof(Ticket.AcknowledgeBusinessMinutes), nameof(Ticket.AcknowledgeClockMinutes));
        // "resolved" (MTTR):
        Covering(KeyNotNull(builder.HasIndex(t => t.LastResolvedAt)), nameof(Ticket.ResolveBusinessMinutes), nameof(Ticket.ResolveClockMinutes));
        // "reopened":
        Covering(KeyNotNull(builder.HasIndex(t => t.LastReopenedAt)));
    }

    /// <summary>Makes the index partial: only rows whose leading key column is set (see the class summary).</summary>
    private IndexBuilder<T> KeyNotNull<T>(IndexBuilder<T> index) => NotNull(index, index.Metadata.Properties[0].Name);

    /// <summary>Makes the index partial: only rows whose key column <paramref name="property"/> is set.</summary>
    private IndexBuilder<T> NotNull<T>(IndexBuilder<T> index, string property)
    {
        var column = index.Metadata.Properties.Single(p => p.Name == property).GetColumnName();
        return index.HasFilter($"{sql.DelimitIdentifier(column)} IS NOT NULL");
    }

    /// <summary>What every report query filters or groups on (ReportAccess.Countable and GroupAsync).</summary>
    internal static readonly string[] ReportColumns =
        [nameof(Ticket.Status), nameof(Ticket.CustomerId), nameof(Ticket.ProductLineCode), nameof(Ticket.ServiceLevelCode), nameof(Ticket.Priority)];

    private static void Covering(IndexBuilder<Ticket> index, params string[] figures)
    {
        string[] columns = [.. ReportColumns, .. figures];
        NpgsqlIndexBuilderExtensions.IncludeProperties(index, columns);
        SqlServerIndexBuilderExtensions.IncludeProperties(index, columns);
    }

    private void ConfigureClock(OwnedNavigationBuilder<Ticket, SlaClock> clock, string prefix)
    {
        clock.Property(c => c.Kind).HasColumnName(prefix + "Kind").HasConversion<string>().HasMaxLength(16);
        clock.Property(c => c.State).HasColumnName(prefix + "State").HasConversion<string>().HasMaxLength(16);
        clock.Property(c => c.CalendarCode).HasColumnName(prefix + "CalendarCode").HasMaxLength(Guard.MaxCodeLength);
        clock.Property(c => c.TargetMinutes).HasColumnName(prefix + "TargetMinutes");
        clock.Property(c => c.StartedAt).HasColumnName(prefix + "StartedAt");
        clock.Property(c => c.ElapsedBeforeSegmentMinutes).HasColumnName(prefix + "ElapsedBeforeSegmentMinutes");
        clock.Property(c => c.SegmentStartedAt).HasColumnName(prefix + "SegmentStartedAt");
        clock.Property(c => c.PausedAt).HasColumnName(prefix + "PausedAt");
        clock.Property(c => c.PausedMinutes).HasColumnName(prefix + "PausedMinutes");
        clock.Property(c => c.DueAt).HasColumnName(prefix + "DueAt");
        clock.Property(c => c.StoppedAt).HasColumnName(prefix + "StoppedAt");
        clock.Property(c => c.IsBreached).HasColumnName(prefix + "IsBreached");
        clock.Property(c => c.BreachedAt).HasColumnName(prefix + "BreachedAt");
        clock.Property(c => c.Warned75).HasColumnName(prefix + "Warned75");
        clock.Property(c => c.Warned90).HasColumnName(prefix + "Warned90");
        clock.Property(c => c.NextCheckAt).HasColumnName(prefix + "NextCheckAt");
        clock.Property(c => c.AtRiskFrom).HasColumnName(prefix + "AtRiskFrom");
        clock.Ignore(c => c.IsCounting);
        // The at-risk list: running clocks, soonest due first (filtered on AtRiskFrom as it scans).
        clock.HasIndex(c => new { c.State, c.DueAt });
        // GetSlaCompliance (met: a range on the instant the clock stopped; breached: a range on the breach instant) and
        // ListSlaBreaches (a range on BreachedAt, newest first). Partial: a running clock, or one that never breached,
        // is not in them. The migrations AddCoveringReportIndexes and MakeNullAtIntakeIndexesPartial rebuild both on
        // PostgreSQL and SQL Server with INCLUDE (the clock's state and the report columns) so compliance is an
        // index-only scan; EF Core cannot include the owner's columns in an owned type's index, so that part is SQL in
        // the migration (ReportIndexes).
        KeyNotNull(clock.HasIndex(c => c.StoppedAt));
        KeyNotNull(clock.HasIndex(c => c.BreachedAt));
        clock.Ignore(c => c.IsStopped);
    }
}

internal sealed class TicketCommentConfiguration : IEntityTypeConfiguration<TicketComment>
{
    public void Configure(EntityTypeBuilder<TicketComment> builder)
    {
        builder.ToTable("TicketComments");
        // Keyed by position within the ticket: one index serves both uniqueness and the ordered list.
        builder.HasKey(c => new { c.TicketId, c.Sequence });
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Author).HasMaxLength(200);
        builder.Property(c => c.Body).HasMaxLength(TicketComment.BodyMaxLength);
        builder.Property(c => c.Visibility).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssignmentGroupConfiguration : IEntityTypeConfiguration<AssignmentGroup>
{
    public void Configure(EntityTypeBuilder<AssignmentGroup> builder)
    {
        builder.ToTable("AssignmentGroups");
        builder.HasKey(g => g.Name);
        builder.Property(g => g.Name).HasMaxLength(AssignmentGroup.NameMaxLength);
        builder.Property(g => g.Description).HasMaxLength(500);
        builder.Property(g => g.SeriesCodes).HasJsonConversion(2000);
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> builder)
    {
        builder.ToTable("NumberSequences");
        builder.HasKey(s => s.Prefix);
        builder.Property(s => s.Prefix).HasMaxLength(8);
        builder.HasData(new NumberSequence("INC"), new NumberSequence("REQ"), new NumberSequence("CHG"), new NumberSequence("PRB"));
    }
}

/// <summary>
/// The outbox's table. Its indexes are partial on the processed mark, so each holds only what its query reads: the
/// events still to fan out, or the processed ones that retention will delete.
/// </summary>
/// <param name="sql">The provider's SQL helper, for the filters (see <see cref="TicketConfiguration"/>); the context applies this configuration itself.</param>
internal sealed class OutboxMessageConfiguration(ISqlGenerationHelper sql) : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Type).HasMaxLength(64);
        builder.Property(m => m.Number).HasMaxLength(OutboxMessage.NumberMaxLength);
        var processedAt = sql.DelimitIdentifier(nameof(OutboxMessage.ProcessedAt));
        // WebhookDispatcher.PendingEvents (fan-out, oldest first) and OutboxBacklog (the count). Keyed on the position
        // alone: PostgreSQL does not take "ProcessedAt IS NULL" as fixing the first column of a (ProcessedAt, Position)
        // index, so with that index it read every pending event and sorted them for each batch of 200 (95 ms a pass,
        // spilling to disk, with 100,000 pending: draining a backlog took time quadratic in its size).
        builder.HasIndex(m => m.Position, "IX_OutboxMessages_Position_Pending").HasFilter($"{processedAt} IS NULL");
        // WebhookDispatcher.ClaimCandidates: no delivery is claimed while an earlier event about its ticket waits for fan-out.
        builder.HasIndex(m => new { m.Number, m.Position }, "IX_OutboxMessages_Number_Position_Pending").HasFilter($"{processedAt} IS NULL");
        // WebhookDispatcher.PrunableEvents (retention). The fan-out's UPDATE moves an event from the two indexes above to this one.
        builder.HasIndex(m => m.ProcessedAt).HasFilter($"{processedAt} IS NOT NULL");
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => new { r.CallerId, r.Key });
        builder.Property(r => r.CallerId).HasMaxLength(100);
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Location).HasMaxLength(500);
        builder.Property(r => r.ETag).HasMaxLength(100);
    }
}
