using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Domain.Integrations;
using ServiceDesk.Infrastructure.Persistence.Seed;
using ServiceDesk.Infrastructure.Common;

namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>Start-up work on the database: migrate, seed reference data (and demo data when asked), make sure the bootstrap admin key exists.</summary>
public static class DatabaseInitializer
{
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = provider.GetRequiredService<ServiceDeskDbContext>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (!options.MigrateOnStartup)
        {
            logger.MigrationsSkipped();
        }
        else
        {
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            await new ReferenceDataSeeder(db).SeedAsync(cancellationToken);
        }

        var configuration = provider.GetRequiredService<IConfiguration>();
        var clock = provider.GetRequiredService<TimeProvider>();
        if (configuration.GetValue<bool>("Seed:DemoData"))
        {
            if (provider.GetRequiredService<IHostEnvironment>().IsProduction())
                logger.DemoDataRefusedInProduction();
            else
                await new DemoDataSeeder(db, clock, logger).SeedAsync(cancellationToken);
        }

        await EnsureBootstrapAdminKeyAsync(db, configuration, clock, logger, cancellationToken);
    }

    /// <summary><c>Auth:BootstrapAdminKey</c>: an Admin key with exactly that value exists after start (created if missing).</summary>
    private static async Task EnsureBootstrapAdminKeyAsync(ServiceDeskDbContext db, IConfiguration configuration, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var secret = configuration["Auth:BootstrapAdminKey"];
        if (string.IsNullOrWhiteSpace(secret))
            return;

        var hash = ApiKey.HashOf(secret);
        var existing = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        if (existing is null)
        {
            db.ApiKeys.Add(ApiKey.WithSecret("bootstrap-admin", secret, ["Admin"], null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            logger.BootstrapKeyCreated();
        }
        else if (existing.IsRevoked)
        {
            logger.BootstrapKeyRevoked();
        }
    }
}
