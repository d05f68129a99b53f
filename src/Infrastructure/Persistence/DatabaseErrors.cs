using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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

/// <summary>A unique or primary-key violation; <paramref name="Table"/> and <paramref name="Constraint"/> when the provider reports them.</summary>
internal sealed record UniqueViolation(string? Table, string? Constraint);
