using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using ServiceDesk.Infrastructure.Persistence.Providers;

namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>Provider-specific options, shared by the running service and the design-time factories.</summary>
internal static class DatabaseProviders
{
    private const string MigrationsHistoryTable = "__EFMigrationsHistory";
    private const int ConnectTimeoutSeconds = 3;
    private const int PostgresMaxAutoPrepare = 64;
    private const int PostgresConnectionLifetimeSeconds = 1800;

    /// <summary>
    /// EF Core warns at every start that its assembly scan skipped the tickets' and the outbox's configurations: they
    /// take the provider's SQL helper, so the context applies them itself. One skipped by mistake would change the
    /// model, which the pending-model-changes check of <c>ProviderModelTests</c> catches.
    /// </summary>
    public static void Warnings(WarningsConfigurationBuilder warnings) => warnings.Ignore(CoreEventId.SkippedEntityTypeConfigurationWarning);

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
    /// What the service needs of a connection string, unless it says otherwise:
    /// <list type="bullet">
    /// <item>a connect timeout of 3 s (Npgsql's default is 15 s, SQL Server's 15 s): a database that does not answer
    /// makes requests fail (503) within seconds, not hang;</item>
    /// <item>on PostgreSQL, <c>Max Auto Prepare=64</c>: Npgsql prepares the statements a connection runs often (intake's
    /// insert, a ticket's read), so the server stops parsing and planning them on every request;</item>
    /// <item>on PostgreSQL, <c>No Reset On Close=true</c>: a pooled connection is not reset (<c>DISCARD ALL</c>) each
    /// time it goes back to the pool. Nothing here leaves session state behind (no SET, temporary tables, LISTEN or
    /// session advisory locks), and a reset would drop the prepared statements.</item>
    /// <item>on PostgreSQL, <c>Connection Lifetime=1800</c>: a connection is closed, not pooled again, once it is 30 minutes
    /// old. PostgreSQL keeps a prepared statement's plan choice per connection and never revisits it: a statement first
    /// planned while a table had no statistics yet (a young table, a bulk load) can stay planned anew on every call, or
    /// keep the plan made without them, for as long as its connection lives (README "Not done (yet)"). Without a
    /// lifetime, a busy pool's connections live as long as the process.</item>
    /// </list>
    /// Behind a pooler in transaction mode that cannot keep prepared statements, set <c>Max Auto Prepare=0</c>.
    /// </summary>
    public static string WithServiceDefaults(string connectionString, DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
                if (!Sets(postgres, "Timeout"))
                    postgres.Timeout = ConnectTimeoutSeconds;
                if (!Sets(postgres, "Max Auto Prepare"))
                    postgres.MaxAutoPrepare = PostgresMaxAutoPrepare;
                if (!Sets(postgres, "No Reset On Close"))
                    postgres.NoResetOnClose = true;
                if (!Sets(postgres, "Connection Lifetime"))
                    postgres.ConnectionLifetime = PostgresConnectionLifetimeSeconds;
                return postgres.ConnectionString;
            case DatabaseProvider.SqlServer:
                var sqlServer = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString);
                if (!Sets(sqlServer, "Connect Timeout"))
                    sqlServer.ConnectTimeout = ConnectTimeoutSeconds;
                return sqlServer.ConnectionString;
            default:
                return connectionString;
        }
    }

    /// <summary>
    /// Whether the connection string itself sets <paramref name="keyword"/> (any spelling the provider accepts): the
    /// provider's builder answers <c>ContainsKey</c> for every keyword it knows, set or not, but writes back only what was set,
    /// under the canonical name.
    /// </summary>
    private static bool Sets(System.Data.Common.DbConnectionStringBuilder builder, string keyword) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = builder.ConnectionString }.ContainsKey(keyword);
}
