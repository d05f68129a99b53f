using Microsoft.EntityFrameworkCore;
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

    public DbSet<Customer> Customers => Set<Customer>();

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

    /// <summary>Each modified aggregate gets a new version; the UPDATE is conditional on the version it was read with.</summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            if (entry.State == EntityState.Modified)
                entry.Entity.IncrementVersion();
        }
    }
}
