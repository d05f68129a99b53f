using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Infrastructure.Persistence.Configurations;

/// <summary>
/// The one shape of the three history tables: a line per change, owned by (and deleted with) its aggregate, unique
/// by the owner's id and the line's position. The owner's id keeps the column name each table was created with.
/// </summary>
/// <param name="keyedByPosition">
/// TicketHistory is keyed by (owner, sequence), which also serves the ordered read; ChangeHistory and ProblemHistory
/// were created with the line's own id as key and a unique (owner, sequence) index. Both kept, so the schema stays.
/// </param>
internal abstract class HistoryConfiguration<THistory, TOwner>(string table, string ownerColumn, bool keyedByPosition) : IEntityTypeConfiguration<THistory>
    where THistory : HistoryEntry
    where TOwner : class
{
    public void Configure(EntityTypeBuilder<THistory> builder)
    {
        builder.ToTable(table);
        if (keyedByPosition)
        {
            builder.HasKey(h => new { h.OwnerId, h.Sequence });
        }
        else
        {
            builder.HasKey(h => h.Id);
            builder.HasIndex(h => new { h.OwnerId, h.Sequence }).IsUnique();
        }

        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.OwnerId).HasColumnName(ownerColumn);
        builder.Property(h => h.Actor).HasMaxLength(HistoryEntry.ActorMaxLength);
        builder.Property(h => h.Action).HasMaxLength(HistoryEntry.ActionMaxLength);
        builder.Property(h => h.Field).HasMaxLength(HistoryEntry.FieldMaxLength);
        builder.Property(h => h.OldValue).HasMaxLength(HistoryEntry.ValueMaxLength);
        builder.Property(h => h.NewValue).HasMaxLength(HistoryEntry.ValueMaxLength);
        builder.Property(h => h.Note).HasMaxLength(HistoryEntry.ValueMaxLength);
        builder.HasOne<TOwner>().WithMany().HasForeignKey(h => h.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TicketHistoryConfiguration() : HistoryConfiguration<TicketHistoryEntry, Ticket>("TicketHistory", "TicketId", keyedByPosition: true);

internal sealed class ChangeHistoryConfiguration() : HistoryConfiguration<ChangeHistoryEntry, Change>("ChangeHistory", "ChangeId", keyedByPosition: false);

internal sealed class ProblemHistoryConfiguration() : HistoryConfiguration<ProblemHistoryEntry, Problem>("ProblemHistory", "ProblemId", keyedByPosition: false);
