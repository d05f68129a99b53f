namespace ServiceDesk.Api.Tests.Infrastructure;

/// <summary>A test that only means something on PostgreSQL; skipped, with the reason, when no server is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.UsesPostgres)
            Skip = $"PostgreSQL tests need a server: set {TestDatabase.PostgresVariable} to a connection string (CI does).";
    }
}
