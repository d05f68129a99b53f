namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations (and seed reference data) when the service starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// EF Core's check that a <c>DbContext</c> is not used by two operations at once (an informative exception instead of
    /// undefined behaviour). Off by default: the check writes an <c>AsyncLocal</c> twice per row read, a fifth of what a
    /// 50-ticket page allocates. On in Development and in the test suite, where such a bug would be found.
    /// </summary>
    public bool ThreadSafetyChecks { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
