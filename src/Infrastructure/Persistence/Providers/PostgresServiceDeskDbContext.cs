using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ServiceDesk.Infrastructure.Persistence.Providers;

/// <summary>PostgreSQL: the real server CI tests against.</summary>
public sealed class PostgresServiceDeskDbContext(DbContextOptions<PostgresServiceDeskDbContext> options) : ServiceDeskDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresServiceDeskDbContext>
{
    public PostgresServiceDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresServiceDeskDbContext>()
            .UseNpgsql("Host=localhost;Database=servicedesk", DatabaseProviders.Postgres)
            .Options);
}
