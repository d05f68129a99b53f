using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Application.Changes;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Changes;

/// <summary>
/// The overlap queries read an index, never all changes: the database's own plan for the query EF sends is asked
/// for (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN with sequential scans discouraged, since on a tiny table
/// the planner would rightly prefer one).
/// </summary>
public sealed class ChangeOverlapQueryTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private async Task<string> PlanAsync(Func<ServiceDeskDbContext, IQueryable<object>> query)
    {
        using var client = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        await db.Database.OpenConnectionAsync();
        var postgres = db.Database.IsNpgsql();
        if (postgres)
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");

        await using DbCommand command = query(db).CreateDbCommand();
        command.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(postgres ? 0 : 3));
        return string.Join('\n', lines);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Conflicts_are_found_through_the_product_status_start_index_of_ChangeProducts(bool forOneCustomer)
    {
        var plan = await PlanAsync(db => ChangeOverlaps.Holding(db, ["OPS-INF-03"], forOneCustomer ? Guid.NewGuid() : null, Start, Start.AddHours(2)));

        Assert.Contains("IX_ChangeProducts_ProductCode_Status_PlannedStart", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Changes\"", plan.Replace("ChangeProducts\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN c", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Freeze_periods_overlapping_a_window_are_found_through_an_index()
    {
        var plan = await PlanAsync(db => ChangeOverlaps.Freezes(db, Guid.NewGuid(), Start, Start.AddHours(2)));

        Assert.Contains("IX_FreezePeriods_", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN f", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }
}
