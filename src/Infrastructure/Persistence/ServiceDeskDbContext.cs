using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Integrations;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>
/// The one model, shared by every provider. Each provider derives its own context (see <c>Providers/</c>) so that
/// it owns its migrations; nothing else differs between them.
/// </summary>
public abstract class ServiceDeskDbContext(DbContextOptions options) : DbContext(options), IServiceDeskDbContext
{
    public DbSet<ProductLine> ProductLines => Set<ProductLine>();

    public DbSet<ProductSeries> ProductSeries => Set<ProductSeries>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ServiceLevel> ServiceLevels => Set<ServiceLevel>();

    public DbSet<BusinessCalendar> Calendars => Set<BusinessCalendar>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ServiceDeskDbContext).Assembly);

        // Every aggregate's Version is its optimistic-concurrency token (and its ETag).
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
            modelBuilder.Entity(entityType.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
    }

    /// <summary>
    /// Each modified aggregate gets a new version; the UPDATE is conditional on the version it was read with. An
    /// aggregate whose owned rows alone changed (an agreement's product list) counts as modified too, so its ETag
    /// changes and a concurrent writer is caught by the version check.
    /// </summary>
    private void BumpVersions()
    {
        ChangeTracker.DetectChanges();
        var changed = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Entity is Entity aggregate)
                changed.Add(aggregate);
            else if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Metadata.IsOwned()
                && OwnerOf(entry) is { State: EntityState.Unchanged or EntityState.Modified, Entity: Entity owner })
                changed.Add(owner);
        }

        foreach (var aggregate in changed)
            aggregate.IncrementVersion();
    }

    /// <summary>The tracked entry that owns an owned entry (found by the ownership's foreign key).</summary>
    private EntityEntry? OwnerOf(EntityEntry owned)
    {
        var ownership = owned.Metadata.FindOwnership()!;
        var key = ownership.Properties.Select(p => owned.Property(p.Name).CurrentValue).ToArray();
        return ChangeTracker.Entries()
            .Where(e => e.Metadata == ownership.PrincipalEntityType)
            .FirstOrDefault(e => ownership.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(key));
    }
}
