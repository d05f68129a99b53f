using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Infrastructure.Persistence.Configurations;

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> builder)
    {
        builder.ToTable("Problems");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Number).HasMaxLength(DeskRecord.NumberMaxLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Summary).HasMaxLength(Problem.SummaryMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Problem.DescriptionMaxLength);
        builder.Property(p => p.ProductCode).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(p => p.RootCause).HasMaxLength(Problem.TextMaxLength);
        builder.Property(p => p.Workaround).HasMaxLength(Problem.TextMaxLength);
        builder.Property(p => p.ResolvedByChange).HasMaxLength(DeskRecord.NumberMaxLength);
        builder.Property(p => p.CreatedBy).HasMaxLength(200);
        builder.Ignore(p => p.NewHistory);
        builder.Ignore(p => p.AcceptsIncidents);
        builder.Ignore(p => p.DomainEvents);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductCode).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(p => p.Number).IsUnique();
        // Lists: newest first, optionally by status or product; keyset on (CreatedAt, Number).
        builder.HasIndex(p => new { p.CreatedAt, p.Number });
        builder.HasIndex(p => new { p.Status, p.CreatedAt, p.Number });
        builder.HasIndex(p => new { p.ProductCode, p.CreatedAt, p.Number });
    }
}
