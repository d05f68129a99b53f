using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Infrastructure;

/// <summary>
/// What tests about indexes ask of the database: the plan of a query as EF Core sends it, and the index statements
/// of a provider's migrations script.
/// </summary>
internal static class SchemaInspection
{
    /// <summary>
    /// The database's own plan for <paramref name="query"/> (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN with
    /// sequential scans discouraged, and bitmap scans too when asked, since on a tiny table the planner would rightly
    /// prefer them), one line per plan node.
    /// </summary>
    public static async Task<string> PlanAsync(ServiceDeskApiFactory factory, Func<ServiceDeskDbContext, IQueryable<object>> query, bool discourageBitmapScans = false)
    {
        using var client = factory.CreateClient(); // starts the host: migrated
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        await db.Database.OpenConnectionAsync();
        var postgres = db.Database.IsNpgsql();
        if (postgres)
            await db.Database.ExecuteSqlRawAsync(discourageBitmapScans ? "SET enable_seqscan = off; SET enable_bitmapscan = off" : "SET enable_seqscan = off");

        await using DbCommand command = query(db).CreateDbCommand();
        command.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(postgres ? 0 : 3));
        return string.Join('\n', lines);
    }

    /// <summary>An identifier as <paramref name="provider"/>'s migrations quote it.</summary>
    public static string Quote(string provider, string name) => provider == "SqlServer" ? $"[{name}]" : $"\"{name}\"";

    /// <summary>The last statement of <paramref name="script"/> that creates index <paramref name="name"/> (the one in force), or null.</summary>
    public static string? LastCreateIndex(string script, string provider, string name) =>
        Regex.Matches(script, $@"CREATE INDEX {Regex.Escape(Quote(provider, name))} ON [^;]*;").LastOrDefault()?.Value;
}
