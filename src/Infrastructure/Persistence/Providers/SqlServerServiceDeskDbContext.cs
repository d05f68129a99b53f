using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ServiceDesk.Infrastructure.Persistence.Providers;

/// <summary>SQL Server: the production target. No engine runs where this is developed; its migrations are generated and script-tested.</summary>
public sealed class SqlServerServiceDeskDbContext(DbContextOptions<SqlServerServiceDeskDbContext> options) : ServiceDeskDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the SQL Server model without a server.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerServiceDeskDbContext>
{
    public SqlServerServiceDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerServiceDeskDbContext>()
            .UseSqlServer("Server=localhost;Database=ServiceDesk;Trusted_Connection=True;TrustServerCertificate=True", DatabaseProviders.SqlServer)
            .Options);
}
