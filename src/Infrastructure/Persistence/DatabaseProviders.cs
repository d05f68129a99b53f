using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using ServiceDesk.Infrastructure.Persistence.Providers;

namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>Provider-specific options, shared by the running service and the design-time factories.</summary>
internal static class DatabaseProviders
{
    private const string MigrationsHistoryTable = "__EFMigrationsHistory";
    private const int ConnectTimeoutSeconds = 3;

    public static void Sqlite(SqliteDbContextOptionsBuilder options) =>
        options.MigrationsAssembly(typeof(SqliteServiceDeskDbContext).Assembly.FullName)
            .MigrationsHistoryTable(MigrationsHistoryTable);

    /// <summary>Server providers retry what failed while connecting (<see cref="ConnectRetryingExecutionStrategy"/>).</summary>
    public static void Postgres(NpgsqlDbContextOptionsBuilder options) =>
        options.MigrationsAssembly(typeof(PostgresServiceDeskDbContext).Assembly.FullName)
            .MigrationsHistoryTable(MigrationsHistoryTable)
            .ExecutionStrategy(d => new ConnectRetryingExecutionStrategy(d));

    public static void SqlServer(SqlServerDbContextOptionsBuilder options) =>
        options.MigrationsAssembly(typeof(SqlServerServiceDeskDbContext).Assembly.FullName)
            .MigrationsHistoryTable(MigrationsHistoryTable)
            .ExecutionStrategy(d => new ConnectRetryingExecutionStrategy(d));

    /// <summary>
    /// A connect timeout of 3 s unless the connection string sets one (Npgsql's default is 15 s, SQL Server's 15 s): a
    /// database that does not answer makes requests fail (503) within seconds, not hang.
    /// </summary>
    public static string WithConnectTimeout(string connectionString, DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
                if (!postgres.ContainsKey("Timeout"))
                    postgres.Timeout = ConnectTimeoutSeconds;
                return postgres.ConnectionString;
            case DatabaseProvider.SqlServer:
                var sqlServer = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString);
                if (!sqlServer.ContainsKey("Connect Timeout"))
                    sqlServer.ConnectTimeout = ConnectTimeoutSeconds;
                return sqlServer.ConnectionString;
            default:
                return connectionString;
        }
    }
}
