using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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

    private Task<string> PlanAsync(Func<ServiceDeskDbContext, IQueryable<object>> query) =>
        SchemaInspection.PlanAsync(factory, query, discourageBitmapScans: true);

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
        string Quote(string name) => SchemaInspection.Quote(provider, name);

        string LastCreate(string name)
        {
            var created = SchemaInspection.LastCreateIndex(script, provider, name);
            Assert.True(created is not null, $"{provider}: no migration creates {name}.");
            return created;
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
