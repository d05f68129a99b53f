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

    private Task<string> PlanAsync(Func<ServiceDeskDbContext, IQueryable<object>> query) => SchemaInspection.PlanAsync(factory, query);

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
