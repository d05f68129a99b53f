using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Integrations;
using ServiceDesk.Infrastructure.Persistence.Outbox;

namespace ServiceDesk.Infrastructure.Persistence.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(36);
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength);
        builder.Property(s => s.Events).HasJsonConversion(1000);
        builder.Property(s => s.DeactivationReason).HasMaxLength(WebhookSubscription.ReasonMaxLength);
        builder.Property(s => s.Secret).HasMaxLength(100);
        builder.Property(s => s.PreviousSecret).HasMaxLength(100);
        builder.Ignore(s => s.DomainEvents);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // The list pages on (CreatedAt, Id).
        builder.HasIndex(s => new { s.CreatedAt, s.Id });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.SubscriptionId).HasMaxLength(36);
        builder.Property(d => d.EventType).HasMaxLength(64);
        builder.Property(d => d.EventNumber).HasMaxLength(OutboxMessage.NumberMaxLength);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);

        // One delivery per (subscription, event), even with several dispatchers fanning out.
        builder.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
        // Claiming: the pending deliveries that are due.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        // Per-subscription order for one ticket, and the deliveries list (newest event first).
        builder.HasIndex(d => new { d.SubscriptionId, d.EventNumber, d.EventPosition });
        builder.HasIndex(d => new { d.SubscriptionId, d.Status, d.EventPosition });
        // Retention.
        builder.HasIndex(d => new { d.Status, d.LastAttemptAt });
    }
}
