using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Infrastructure.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Code).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(c => c.Name).HasMaxLength(Customer.NameMaxLength);
        builder.Property(c => c.Contacts).HasJsonConversion(8000);
        builder.HasIndex(c => c.Code).IsUnique();

        // The list filtered by active flag, keyset on code.
        builder.HasIndex(c => new { c.Active, c.Code });
    }
}
