using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Persistence;

/// <summary>
/// The indexes on <c>Tickets</c> whose key is null when a ticket is raised are partial (<c>WHERE key IS NOT NULL</c>),
/// so intake writes no entry in them; the covering ones keep their INCLUDE list; the breached and not-breached lists'
/// indexes are partial on the clocks' states. Checked in the schema the migrations
/// leave: the migrated test database (SQLite, or PostgreSQL when configured), and every provider's migrations script
/// (SQL Server has no engine here).
/// </summary>
public sealed class PartialIndexTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    /// <summary>Index name, its key column, whether it is covering (INCLUDE on PostgreSQL and SQL Server).</summary>
    private static readonly (string Name, string Key, bool Covering)[] NullAtIntake =
    [
        ("IX_Tickets_AcknowledgedAt", "AcknowledgedAt", true),
        ("IX_Tickets_LastReopenedAt", "LastReopenedAt", true),
        ("IX_Tickets_LastResolvedAt", "LastResolvedAt", true),
        ("IX_Tickets_ResponseStoppedAt", "ResponseStoppedAt", true),
        ("IX_Tickets_ResolutionStoppedAt", "ResolutionStoppedAt", true),
        ("IX_Tickets_ResponseBreachedAt", "ResponseBreachedAt", true),
        ("IX_Tickets_ResolutionBreachedAt", "ResolutionBreachedAt", true),
        ("IX_Tickets_SatisfactionRatedAt", "SatisfactionRatedAt", true),
        ("IX_Tickets_CausedByChange", "CausedByChange", false),
        ("IX_Tickets_ExternalReference", "ExternalReference", false),
        ("IX_Tickets_ProblemNumber_Number", "ProblemNumber", false),
        ("IX_Tickets_Kind_Assignee_OpenedAt_Number", "Assignee", false),
    ];

    /// <summary>The index of <c>GET /incidents?breached=true</c>: partial on either clock being Breached.</summary>
    private const string BreachedList = "IX_Tickets_Kind_OpenedAt_Number_Breached";

    /// <summary>The index of <c>GET /incidents?breached=false</c>: partial on neither clock being Breached.</summary>
    private const string NotBreachedList = "IX_Tickets_Kind_OpenedAt_Number_NotBreached";

    public static TheoryData<string> Providers => new() { "SqlServer", "Postgres", "Sqlite" };

    [Fact]
    public async Task The_migrated_database_has_every_null_at_intake_index_partial_on_its_key()
    {
        using var client = factory.CreateAdminClient(); // starts the host: migrated
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var definitions = await (db.Database.IsNpgsql()
                ? db.Database.SqlQueryRaw<IndexDefinition>("SELECT indexname AS \"Name\", indexdef AS \"Sql\" FROM pg_indexes WHERE tablename = 'Tickets'")
                : db.Database.SqlQueryRaw<IndexDefinition>("SELECT name AS \"Name\", sql AS \"Sql\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Tickets'"))
            .ToDictionaryAsync(d => d.Name, d => d.Sql ?? string.Empty, StringComparer.Ordinal);

        foreach (var (name, key, covering) in NullAtIntake)
        {
            Assert.True(definitions.TryGetValue(name, out var sql), $"{name} is missing.");
            // pg_indexes writes WHERE ("Key" IS NOT NULL); SQLite keeps the statement as it was given.
            Assert.Matches(new Regex($"""WHERE \(?"{key}" IS NOT NULL\)?$"""), sql);
            if (covering && db.Database.IsNpgsql())
                Assert.Contains(" INCLUDE (", sql, StringComparison.Ordinal);
        }

        // The breached list's index holds only tickets with a breached clock (none at intake).
        Assert.True(definitions.TryGetValue(BreachedList, out var breached), $"{BreachedList} is missing.");
        Assert.Matches(new Regex("""WHERE \(*"ResponseState"\)?(::text)? = 'Breached'(::text)?\)? OR \(*"ResolutionState"\)?(::text)? = 'Breached'(::text)?\)*$"""), breached);

        // The not-breached list's holds every ticket with neither clock breached (every ticket at intake).
        Assert.True(definitions.TryGetValue(NotBreachedList, out var notBreached), $"{NotBreachedList} is missing.");
        Assert.Matches(new Regex("""WHERE \(*"ResponseState"\)?(::text)? <> 'Breached'(::text)?\)? AND \(*"ResolutionState"\)?(::text)? <> 'Breached'(::text)?\)*$"""), notBreached);

        // Only these: the other list indexes and the rest hold every ticket.
        var partial = definitions.Where(d => d.Value.Contains(" WHERE ", StringComparison.Ordinal)).Select(d => d.Key).Order(StringComparer.Ordinal);
        Assert.Equal(NullAtIntake.Select(i => i.Name).Append(BreachedList).Append(NotBreachedList).Order(StringComparer.Ordinal), partial);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_providers_migrations_leave_each_null_at_intake_index_partial_and_covering_as_before(string provider)
    {
        using var context = ProviderModelTests.Create(provider);
        var script = context.GetService<IMigrator>().GenerateScript();

        foreach (var (name, key, covering) in NullAtIntake)
        {
            var created = SchemaInspection.LastCreateIndex(script, provider, name);
            Assert.True(created is not null, $"{provider}: no migration creates {name}.");
            Assert.EndsWith($" WHERE {SchemaInspection.Quote(provider, key)} IS NOT NULL;", created, StringComparison.Ordinal);
            Assert.True(created.Contains(" INCLUDE (", StringComparison.Ordinal) == (covering && provider != "Sqlite"),
                $"{provider}: {name} should {(covering && provider != "Sqlite" ? "" : "not ")}carry INCLUDE: {created}");
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_breached_lists_index_is_partial_on_a_breached_clock_except_on_SQL_Server_whose_filters_cannot_say_OR(string provider)
    {
        using var context = ProviderModelTests.Create(provider);
        var script = context.GetService<IMigrator>().GenerateScript();

        var created = SchemaInspection.LastCreateIndex(script, provider, BreachedList);
        if (provider == "SqlServer")
        {
            Assert.DoesNotContain(BreachedList, script, StringComparison.Ordinal);
            return;
        }

        Assert.True(created is not null, $"{provider}: no migration creates {BreachedList}.");
        Assert.EndsWith("""("Kind", "OpenedAt", "Number") WHERE "ResponseState" = 'Breached' OR "ResolutionState" = 'Breached';""", created, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_not_breached_lists_index_is_partial_on_neither_clock_breached_on_every_provider(string provider)
    {
        using var context = ProviderModelTests.Create(provider);
        var script = context.GetService<IMigrator>().GenerateScript();
        string Quote(string name) => SchemaInspection.Quote(provider, name);

        var created = SchemaInspection.LastCreateIndex(script, provider, NotBreachedList);
        Assert.True(created is not null, $"{provider}: no migration creates {NotBreachedList}.");
        Assert.EndsWith(
            $"({Quote("Kind")}, {Quote("OpenedAt")}, {Quote("Number")}) WHERE {Quote("ResponseState")} <> 'Breached' AND {Quote("ResolutionState")} <> 'Breached';",
            created, StringComparison.Ordinal);
    }

    private sealed class IndexDefinition
    {
        public required string Name { get; init; }

        public string? Sql { get; init; }
    }
}
