using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Infrastructure.Integrations.Webhooks;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Persistence;

/// <summary>
/// The webhook dispatcher's reads of the outbox go through its partial indexes: the events still to fan out are read
/// in order from an index that holds only them (no sort of the whole backlog per batch), and retention reads the
/// processed ones from theirs. Asked of the database's own plan for the query the dispatcher sends (SQLite: EXPLAIN
/// QUERY PLAN; PostgreSQL: EXPLAIN with sequential and bitmap scans discouraged, since on a tiny table the planner
/// would rightly prefer them), and of every provider's migrations script.
/// </summary>
public sealed class OutboxIndexTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private const string Pending = "IX_OutboxMessages_Position_Pending";
    private const string PendingByTicket = "IX_OutboxMessages_Number_Position_Pending";
    private const string Processed = "IX_OutboxMessages_ProcessedAt";

    public static TheoryData<string> Providers => new() { "SqlServer", "Postgres", "Sqlite" };

    private async Task<string> PlanAsync(Func<ServiceDeskDbContext, IQueryable<object>> query)
    {
        using var client = factory.CreateClient(); // starts the host: migrated
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        await db.Database.OpenConnectionAsync();
        var postgres = db.Database.IsNpgsql();
        if (postgres)
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off; SET enable_bitmapscan = off");

        await using DbCommand command = query(db).CreateDbCommand();
        command.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(postgres ? 0 : 3));
        return string.Join('\n', lines);
    }

    [Fact]
    public async Task Fan_out_reads_the_pending_events_in_order_from_their_own_index_without_sorting_them()
    {
        var plan = await PlanAsync(WebhookDispatcher.PendingEvents);

        Assert.Contains(Pending, plan, StringComparison.Ordinal);
        // PostgreSQL's Sort node, SQLite's temporary b-tree: either would mean every pending event is read for each batch.
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_claim_looks_for_an_earlier_event_of_the_same_ticket_among_the_pending_ones_by_index()
    {
        var plan = await PlanAsync(db => WebhookDispatcher.ClaimCandidates(db, DateTimeOffset.UtcNow, ["full"], 8));

        Assert.Contains(PendingByTicket, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on \"OutboxMessages\"", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN o\n", plan + "\n", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_finds_old_processed_events_through_the_processed_index()
    {
        var plan = await PlanAsync(db => WebhookDispatcher.PrunableEvents(db, DateTimeOffset.UtcNow.AddDays(-7)));

        Assert.Contains(Processed, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on \"OutboxMessages\"", plan, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_providers_migrations_leave_the_outbox_with_exactly_its_three_partial_indexes(string provider)
    {
        using var context = ProviderModelTests.Create(provider);
        var script = context.GetService<IMigrator>().GenerateScript();
        string Quote(string name) => provider == "SqlServer" ? $"[{name}]" : $"\"{name}\"";

        string LastCreate(string name)
        {
            var created = Regex.Matches(script, $@"CREATE INDEX {Regex.Escape(Quote(name))} ON [^;]*;").LastOrDefault();
            Assert.True(created is not null, $"{provider}: no migration creates {name}.");
            return created.Value;
        }

        Assert.EndsWith($"({Quote("Position")}) WHERE {Quote("ProcessedAt")} IS NULL;", LastCreate(Pending), StringComparison.Ordinal);
        Assert.EndsWith($"({Quote("Number")}, {Quote("Position")}) WHERE {Quote("ProcessedAt")} IS NULL;", LastCreate(PendingByTicket), StringComparison.Ordinal);
        Assert.EndsWith($"({Quote("ProcessedAt")}) WHERE {Quote("ProcessedAt")} IS NOT NULL;", LastCreate(Processed), StringComparison.Ordinal);

        // The indexes they replace, which held every event (and the first of which the fan-out sorted), are dropped.
        foreach (var replaced in new[] { "IX_OutboxMessages_ProcessedAt_Position", "IX_OutboxMessages_Number_Position" })
        {
            var last = Regex.Matches(script, $@"(CREATE|DROP) INDEX [^;]*{Regex.Escape(replaced)}\b[^;]*;").Last().Value;
            Assert.StartsWith("DROP INDEX", last, StringComparison.Ordinal);
        }
    }
}
