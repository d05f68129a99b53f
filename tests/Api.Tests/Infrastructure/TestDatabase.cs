using Microsoft.Data.Sqlite;
using Npgsql;

namespace ServiceDesk.Api.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test host: a temporary SQLite file by default, or a new PostgreSQL database when
/// <c>SERVICEDESK_TEST_POSTGRES</c> holds a connection string (CI sets it; the same suite then runs on PostgreSQL).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SERVICEDESK_TEST_POSTGRES";

    private TestDatabase(string provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    private readonly Func<Task> _drop;

    public string Provider { get; }

    public string ConnectionString { get; }

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool UsesPostgres => PostgresConnectionString is not null;

    public static TestDatabase Create()
    {
        if (PostgresConnectionString is { } server)
            return CreatePostgres(server);

        var directory = Path.Combine(Path.GetTempPath(), "servicedesk-tests");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".db");
        return new TestDatabase("Sqlite", $"Data Source={file}", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(path);
            return Task.CompletedTask;
        });
    }

    /// <summary>A new database on the PostgreSQL server <paramref name="server"/> connects to (dropped on dispose).</summary>
    public static TestDatabase CreatePostgres(string server)
    {
        var name = "sd_test_" + Guid.NewGuid().ToString("N")[..16];
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }

        var database = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase("Postgres", database.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }

    public async ValueTask DisposeAsync() => await _drop();
}
