using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Infrastructure.Persistence.Configurations;

internal sealed class ProductLineConfiguration : IEntityTypeConfiguration<ProductLine>
{
    public void Configure(EntityTypeBuilder<ProductLine> builder)
    {
        builder.ToTable("ProductLines");
        builder.HasKey(l => l.Code);
        builder.Property(l => l.Code).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(l => l.Name).HasMaxLength(ProductLine.NameMaxLength);
        builder.Property(l => l.NameZh).HasMaxLength(ProductLine.NameMaxLength);
        builder.Property(l => l.Description).HasMaxLength(ProductLine.DescriptionMaxLength);
    }
}

internal sealed class ProductSeriesConfiguration : IEntityTypeConfiguration<ProductSeries>
{
    public void Configure(EntityTypeBuilder<ProductSeries> builder)
    {
        builder.ToTable("ProductSeries");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(s => s.LineCode).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(s => s.Name).HasMaxLength(ProductLine.NameMaxLength);
        builder.Property(s => s.NameZh).HasMaxLength(ProductLine.NameMaxLength);
        builder.Property(s => s.Scope).HasMaxLength(ProductSeries.ScopeMaxLength);
        builder.HasOne<ProductLine>().WithMany().HasForeignKey(s => s.LineCode).OnDelete(DeleteBehavior.Restrict);

        // A line's series, in code order.
        builder.HasIndex(s => new { s.LineCode, s.Code });
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("Products");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(p => p.LineCode).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(p => p.SeriesCode).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(p => p.Name).HasMaxLength(ProductLine.NameMaxLength);
        builder.Property(p => p.NameZh).HasMaxLength(ProductLine.NameMaxLength);
        builder.Property(p => p.Description).HasMaxLength(ProductLine.DescriptionMaxLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.MonthlyBasePrice).HasPrecision(18, 2);
        builder.Property(p => p.DeliveryModes).HasJsonConversion(200);
        builder.Ignore(p => p.IsRetired);

        builder.HasOne<ProductLine>().WithMany().HasForeignKey(p => p.LineCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProductSeries>().WithMany().HasForeignKey(p => p.SeriesCode).OnDelete(DeleteBehavior.Restrict);

        // Product list filters (line, series, kind, status), each keyset-ordered by code.
        builder.HasIndex(p => new { p.LineCode, p.Code });
        builder.HasIndex(p => new { p.SeriesCode, p.Code });
        builder.HasIndex(p => new { p.Kind, p.Code });
        builder.HasIndex(p => new { p.Status, p.Code });
    }
}
