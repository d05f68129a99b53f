using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using ServiceDesk.Infrastructure.Persistence.Providers;

namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>Provider-specific options, shared by the running service and the design-time factories.</summary>
internal static class DatabaseProviders
{
    private const string MigrationsHistoryTable = "__EFMigrationsHistory";

    public static void Sqlite(SqliteDbContextOptionsBuilder options) =>
        options.MigrationsAssembly(typeof(SqliteServiceDeskDbContext).Assembly.FullName)
            .MigrationsHistoryTable(MigrationsHistoryTable);

    public static void Postgres(NpgsqlDbContextOptionsBuilder options) =>
        options.MigrationsAssembly(typeof(PostgresServiceDeskDbContext).Assembly.FullName)
            .MigrationsHistoryTable(MigrationsHistoryTable);

    public static void SqlServer(SqlServerDbContextOptionsBuilder options) =>
        options.MigrationsAssembly(typeof(SqlServerServiceDeskDbContext).Assembly.FullName)
            .MigrationsHistoryTable(MigrationsHistoryTable);
}
