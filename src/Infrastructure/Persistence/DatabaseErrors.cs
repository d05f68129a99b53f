using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>
/// The one place that reads database errors, by the provider's error code (never by message text, which differs by
/// provider, version and locale), and turns them into what the application understands.
/// </summary>
internal static class DatabaseErrors
{
    /// <summary>SQLite extended result codes: <c>SQLITE_CONSTRAINT_UNIQUE</c> and <c>SQLITE_CONSTRAINT_PRIMARYKEY</c>.</summary>
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>SQL Server error numbers: duplicate key row in a unique index (2601), violation of a PRIMARY KEY or UNIQUE constraint (2627).</summary>
    private const int SqlServerDuplicateKeyRow = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    /// <summary>SQLite primary result codes: the database is busy or locked beyond the timeout, or its file cannot be opened.</summary>
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCantOpen = 14;

    /// <summary>
    /// PostgreSQL SQLSTATEs of a server that is not serving: connection exceptions (class 08), too many connections,
    /// shutting down (admin or crash), starting up.
    /// </summary>
    private static readonly HashSet<string> PostgresUnavailable =
        ["08000", "08001", "08003", "08004", "08006", "53300", "57P01", "57P02", "57P03"];

    /// <summary>SQLSTATEs a server answers at connection time, before any statement ran: a retry cannot repeat a write.</summary>
    private static readonly HashSet<string> PostgresRefusedConnection = ["08001", "08004", "53300", "57P03"];

    /// <summary>
    /// SQL Server errors of a server that cannot be reached or not opened, raised while connecting: network path or
    /// server not found (53, 2), connection refused (10061), database cannot be opened (4060), database unavailable (40613).
    /// </summary>
    private static readonly HashSet<int> SqlServerUnreachable = [2, 53, 4060, 10061, 40613];

    /// <summary>
    /// Rows numbered per owner (owner, Sequence): a ticket's, change's or problem's history lines and a ticket's
    /// comments. Two writers that loaded the same owner number their new rows from the same count.
    /// </summary>
    private static readonly Type[] NumberedPerOwner =
        [typeof(TicketHistoryEntry), typeof(TicketComment), typeof(ChangeHistoryEntry), typeof(ProblemHistoryEntry)];

    /// <summary>
    /// The unique or primary-key violation behind <paramref name="exception"/>, with the table and constraint where
    /// the provider reports them; null when the database refused the write for any other reason.
    /// </summary>
    public static UniqueViolation? FindUniqueViolation(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } => new UniqueViolation(null, null),
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres => new UniqueViolation(postgres.TableName, postgres.ConstraintName),
            SqlException { Number: SqlServerDuplicateKeyRow or SqlServerUniqueConstraint } => new UniqueViolation(null, null),
            _ => null,
        };
    }

    /// <summary>
    /// Whether <paramref name="exception"/> (or one it wraps: EF Core wraps provider errors) says the database is not
    /// reachable or not serving now, as opposed to refusing this request: decided by exception type and provider
    /// code. Clients get 503 with Retry-After for these.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    if (PostgresUnavailable.Contains(postgres.SqlState))
                        return true;
                    break;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    // No answer from the server at all: refused, reset, timed out.
                    return true;
                case SqlException sqlServer when SqlServerUnreachable.Contains(sqlServer.Number):
                    return true;
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteCantOpen }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the failure happened while connecting, before any statement reached the server, so that running the
    /// operation again cannot apply a write twice: the only failures the execution strategy retries.
    /// </summary>
    public static bool IsConnectFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain
                    or SocketError.NetworkUnreachable or SocketError.HostUnreachable }:
                    return true;
                case PostgresException postgres when PostgresRefusedConnection.Contains(postgres.SqlState):
                    return true;
                case SqlException sqlServer when SqlServerUnreachable.Contains(sqlServer.Number):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What a save throws instead of <paramref name="exception"/>:
    /// <list type="bullet">
    /// <item>a unique violation on a row numbered per owner of an existing ticket, change or problem: the writer lost
    /// a concurrency race (its numbering was stale), so <see cref="DbUpdateConcurrencyException"/> (412);</item>
    /// <item>any other unique violation: <see cref="DuplicateKeyException"/> (409);</item>
    /// <item>anything else: <paramref name="exception"/> itself, unchanged.</item>
    /// </list>
    /// </summary>
    public static Exception Translate(DbContext context, DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is DbUpdateConcurrencyException || FindUniqueViolation(exception) is not { } violation)
            return exception;

        if (IsLostNumberingRace(context, exception, violation))
            return new DbUpdateConcurrencyException("The record was changed concurrently: its history or comments were numbered from a stale count.", exception);

        return new DuplicateKeyException(violation.Table ?? SingleTableOf(exception.Entries), violation.Constraint, exception);
    }

    /// <summary>
    /// When the provider names the table (PostgreSQL), that decides. Otherwise the failed rows do: EF reports the
    /// rows of the failed command (or batch), and the race is a new numbered row of an owner that already exists (the
    /// rows of an owner created in the same save cannot collide: their owner's id is new).
    /// </summary>
    private static bool IsLostNumberingRace(DbContext context, DbUpdateException exception, UniqueViolation violation)
    {
        if (violation.Table is { } table)
        {
            return NumberedPerOwner.Any(type => string.Equals(context.Model.FindEntityType(type)?.GetTableName(), table, StringComparison.Ordinal));
        }

        return exception.Entries.Any(entry => entry.State == EntityState.Added
            && NumberedPerOwner.Contains(entry.Metadata.ClrType)
            && !HasNewOwner(context, entry));
    }

    /// <summary>Whether the row's owner (the principal of one of its foreign keys) is itself being inserted by this save.</summary>
    private static bool HasNewOwner(DbContext context, EntityEntry row) =>
        row.Metadata.GetForeignKeys().Any(fk =>
        {
            var key = fk.Properties.Select(p => row.Property(p.Name).CurrentValue).ToArray();
            return context.ChangeTracker.Entries().Any(owner => owner.State == EntityState.Added
                && owner.Metadata == fk.PrincipalEntityType
                && fk.PrincipalKey.Properties.Select(p => owner.Property(p.Name).CurrentValue).SequenceEqual(key));
        });

    /// <summary>The table of the rows being inserted, when they are all for one table.</summary>
    private static string? SingleTableOf(IReadOnlyList<EntityEntry> entries)
    {
        var tables = entries.Where(e => e.State == EntityState.Added).Select(e => e.Metadata.GetTableName()).Distinct(StringComparer.Ordinal).ToList();
        return tables.Count == 1 ? tables[0] : null;
    }
}

/// <summary>
/// Retries only what failed while connecting (<see cref="DatabaseErrors.IsConnectFailure"/>): nothing was sent, so
/// a write is never repeated blindly. Few, short retries: a request during an outage still answers (503) within seconds.
/// </summary>
internal sealed class ConnectRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, TimeSpan.FromMilliseconds(500))
{
    public const int MaxRetries = 2;

    /// <summary>
    /// False, so that EF Core streams query results instead of buffering every row first (it buffers for strategies
    /// that may re-run a query whose reader failed halfway). A connect failure happens before the first row, so
    /// there is nothing to buffer for; buffering made every read and list materialise its rows twice. Retries still
    /// happen: they depend on <see cref="ShouldRetryOn"/>, not on this.
    /// </summary>
    public override bool RetriesOnFailure => false;

    protected override bool ShouldRetryOn(Exception exception) => DatabaseErrors.IsConnectFailure(exception);
}

/// <summary>For the Api: whether an exception means the database is unavailable (503), by type and provider code.</summary>
public static class DatabaseAvailability
{
    public static bool IsUnavailable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!DatabaseErrors.IsUnavailable(exception))
            return false;

        // Pooled connections to a server that went away are dead: drop them now, so the first requests after it
        // returns do not fail on them one by one.
        NpgsqlConnection.ClearAllPools();
        return true;
    }
}

/// <summary>A unique or primary-key violation; <paramref name="Table"/> and <paramref name="Constraint"/> when the provider reports them.</summary>
internal sealed record UniqueViolation(string? Table, string? Constraint);
