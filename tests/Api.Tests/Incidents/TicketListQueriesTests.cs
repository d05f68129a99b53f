using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Infrastructure.Incidents;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Incidents;

/// <summary>
/// The ticket list's compiled queries (<see cref="TicketReader.ListQueries"/>): one per filter combination and page
/// size with the LIMIT as a constant, so that PostgreSQL keeps one plan for a prepared list query instead of planning it
/// on every call (a LIMIT parameter makes the cached plan look ten times dearer than it is), and bounded in number.
/// </summary>
public sealed class TicketListQueriesTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private readonly DeskDriver _desk = new(factory);

    [PostgresFact]
    public async Task On_PostgreSQL_the_prepared_list_query_has_a_constant_limit_and_is_not_planned_again_on_every_call()
    {
        var customerId = await _desk.CustomerWithIncidentsAsync(3);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var reader = scope.ServiceProvider.GetRequiredService<ITicketReader>();
        await db.Database.OpenConnectionAsync(); // one physical connection: its prepared statements are the ones below

        // Npgsql prepares a statement at its 5th use; PostgreSQL plans it per call 5 times, then decides on a generic plan.
        for (var call = 0; call < 15; call++)
            Assert.Equal(3, (await reader.ListAsync(Filter(customerId, take: 4), CancellationToken.None)).Count);

        var statements = await PreparedStatements.OnAsync(db.Database.GetDbConnection());
        var list = Assert.Single(statements, s => s.Sql.Contains("t.\"CustomerId\" = ", StringComparison.Ordinal)
            && s.Sql.Contains("ORDER BY t.\"OpenedAt\" DESC, t.\"Number\" DESC", StringComparison.Ordinal));
        Assert.EndsWith("LIMIT 4", list.Sql.TrimEnd(), StringComparison.Ordinal);
        Assert.True(list.GenericPlans > 0, $"planned {list.CustomPlans} times, never reused: {list.Sql}");
    }

    [Fact]
    public async Task Past_its_capacity_a_filter_combination_gets_one_query_with_the_limit_as_a_parameter_and_every_page_size_still_answers()
    {
        var customerId = await _desk.CustomerWithIncidentsAsync(5);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var lists = new TicketReader.ListQueries(capacity: 2);
        var reader = new TicketReader(db, lists, scope.ServiceProvider.GetRequiredService<TicketListItems>());

        foreach (var take in new[] { 2, 3, 4, 5, 6, 2, 4 })
        {
            var rows = await reader.ListAsync(Filter(customerId, take), CancellationToken.None);
            Assert.Equal(Math.Min(take, 5), rows.Count);
            Assert.Equal(rows.OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Number, StringComparer.Ordinal).Select(r => r.Number), rows.Select(r => r.Number));
        }

        // First listed, read with their items: sizes 2 and 3 got their own query, 4, 5 and 6 share the parameterised one;
        // listed again (2 and 4), by their tickets and versions: both share that shape's parameterised query.
        Assert.Equal(4, lists.Count);
    }

    /// <summary>A customer's incidents, newest first, <paramref name="take"/> rows.</summary>
    internal static TicketListFilter Filter(Guid customerId, int take) =>
        new(TicketKind.Incident, customerId, null, null, null, null, null, null, null, null, null, take);
}
