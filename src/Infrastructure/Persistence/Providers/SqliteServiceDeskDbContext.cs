using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ServiceDesk.Infrastructure.Persistence.Providers;

/// <summary>The embedded default: a SQLite file, so the service runs on a fresh machine with no server.</summary>
public sealed class SqliteServiceDeskDbContext(DbContextOptions<SqliteServiceDeskDbContext> options) : ServiceDeskDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no native instant type; EF cannot compare or order DateTimeOffset text. Stored as a sortable
        // 64-bit number instead, so range filters and keyset cursors on instants run in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the API.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteServiceDeskDbContext>
{
    public SqliteServiceDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteServiceDeskDbContext>()
            .UseSqlite("Data Source=design-time.db", DatabaseProviders.Sqlite)
            .Options);
}
