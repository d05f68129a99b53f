using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.Prefix).HasMaxLength(8);
        builder.Property(k => k.Roles).HasJsonConversion(200);
        builder.Ignore(k => k.IsRevoked);
        builder.HasOne<Customer>().WithMany().HasForeignKey(k => k.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // Every authenticated request looks its key up by hash.
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => new { k.CreatedAt, k.Hash });
    }
}
