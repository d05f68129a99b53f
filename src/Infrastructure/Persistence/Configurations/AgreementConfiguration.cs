using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Infrastructure.Persistence.Configurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("Agreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.SortKey).HasMaxLength(32).IsUnicode(false);
        builder.Property(a => a.ServiceLevelCode).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(a => a.ProductLineCode).HasMaxLength(Guard.MaxCodeLength);
        builder.Ignore(a => a.CoversProductLine);
        builder.Ignore(a => a.ProductCodes);

        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceLevel>().WithMany().HasForeignKey(a => a.ServiceLevelCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProductLine>().WithMany().HasForeignKey(a => a.ProductLineCode).OnDelete(DeleteBehavior.Restrict);

        // A customer's agreements by start of validity: the list (keyset) and the entitlement query's customer filter.
        builder.HasIndex(a => new { a.CustomerId, a.ValidFrom, a.SortKey }).IsUnique();

        // "Is this level in use?" (DELETE) and "who has this line?" are lookups on the foreign keys.
        builder.HasIndex(a => a.ServiceLevelCode);
        builder.HasIndex(a => a.ProductLineCode);

        builder.OwnsMany(a => a.Products, products =>
        {
            products.ToTable("AgreementProducts");
            products.WithOwner().HasForeignKey("AgreementId");
            products.Property(p => p.ProductCode).HasMaxLength(Guard.MaxCodeLength);
            products.HasKey("AgreementId", nameof(AgreementProduct.ProductCode));

            // "Which agreements list product X?" without scanning every agreement.
            products.HasIndex(p => p.ProductCode);
            products.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductCode).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(a => a.Products).HasField("_products").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
