using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Infrastructure.Persistence.Configurations;

internal sealed class ChangeConfiguration : IEntityTypeConfiguration<Change>
{
    public void Configure(EntityTypeBuilder<Change> builder)
    {
        builder.ToTable("Changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(DeskRecord.NumberMaxLength);
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Risk).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Summary).HasMaxLength(Change.SummaryMaxLength);
        builder.Property(c => c.Description).HasMaxLength(Change.DescriptionMaxLength);
        builder.Property(c => c.ImplementationPlan).HasMaxLength(Change.PlanMaxLength);
        builder.Property(c => c.BackoutPlan).HasMaxLength(Change.PlanMaxLength);
        builder.Property(c => c.ReviewNotes).HasMaxLength(Change.PlanMaxLength);
        builder.Property(c => c.ExternalReference).HasMaxLength(DeskRecord.ExternalReferenceMaxLength);
        builder.Property(c => c.RequestedBy).HasMaxLength(200);
        builder.Property(c => c.RequestedById).HasMaxLength(200);

        // Lists read and written with the change, never queried on their own (the overlap index is ChangeProducts).
        builder.Property(c => c.ProductCodes).HasJsonConversion(2000);
        builder.Property(c => c.Approvals).HasJsonConversion(40000);
        builder.Property(c => c.Conflicts).HasJsonConversion(4000);
        builder.Property(c => c.FreezeOverrides).HasJsonConversion(4000);
        builder.Property(c => c.FixesIncidents).HasJsonConversion(4000);
        builder.Property(c => c.FixesProblems).HasJsonConversion(4000);
        builder.Property(c => c.CausedIncidents).HasJsonConversion(4000);

        builder.Ignore(c => c.DomainEvents);
        builder.Ignore(c => c.NewHistory);
        builder.Ignore(c => c.Window);
        builder.Ignore(c => c.IsFinal);
        builder.Ignore(c => c.IsImplemented);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // The overlap index rows belong to the change and are always loaded with it (the aggregate keeps them in step).
        builder.HasMany(c => c.AffectedProducts).WithOne().HasForeignKey(p => p.ChangeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.AffectedProducts).AutoInclude().UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(c => c.Number).IsUnique();
        // Lists: newest first, optionally by status, type or customer; keyset on (CreatedAt, Number).
        builder.HasIndex(c => new { c.CreatedAt, c.Number });
        builder.HasIndex(c => new { c.Status, c.CreatedAt, c.Number });
        builder.HasIndex(c => new { c.Type, c.CreatedAt, c.Number });
        builder.HasIndex(c => new { c.CustomerId, c.CreatedAt, c.Number });
        builder.HasIndex(c => c.ExternalReference);
    }
}

internal sealed class ChangeProductConfiguration : IEntityTypeConfiguration<ChangeProduct>
{
    public void Configure(EntityTypeBuilder<ChangeProduct> builder)
    {
        builder.ToTable("ChangeProducts");
        builder.HasKey(p => new { p.ChangeId, p.ProductCode });
        builder.Property(p => p.ProductCode).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(p => p.Number).HasMaxLength(DeskRecord.NumberMaxLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductCode).OnDelete(DeleteBehavior.Restrict);

        // Conflicts: "ProductCode = @p AND Status IN ('Scheduled', 'Implementing') AND PlannedStart < @end AND PlannedEnd > @start"
        // seeks this index per product and status and reads only windows that start before the end asked about.
        builder.HasIndex(p => new { p.ProductCode, p.Status, p.PlannedStart });
    }
}

internal sealed class FreezePeriodConfiguration : IEntityTypeConfiguration<FreezePeriod>
{
    public void Configure(EntityTypeBuilder<FreezePeriod> builder)
    {
        builder.ToTable("FreezePeriods");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasMaxLength(36);
        builder.Property(f => f.Name).HasMaxLength(FreezePeriod.NameMaxLength);
        builder.Property(f => f.CreatedBy).HasMaxLength(200);
        builder.Ignore(f => f.IsGlobal);
        builder.HasOne<Customer>().WithMany().HasForeignKey(f => f.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // Scheduling looks for freezes with End > @start AND Start < @end: past freezes are skipped by the index.
        builder.HasIndex(f => new { f.End, f.Start });
        // The list, keyset on (Start, Id).
        builder.HasIndex(f => new { f.Start, f.Id });
        builder.HasIndex(f => new { f.CustomerId, f.Start });
    }
}
