using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Persistence;

/// <summary>
/// The lists paged through <see cref="Cursor.ToPageAsync{T, TKey}"/> (comments, history, the queue, changes, problems,
/// customers, ...) read their page with the LIMIT as a constant (<see cref="Cursor.TakeConstant{T}"/>), so that
/// PostgreSQL reuses a prepared page query's plan instead of planning it on every call, as it does with a LIMIT parameter.
/// </summary>
public sealed class PageLimitTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private readonly DeskDriver _desk = new(factory);

    [Fact]
    public async Task A_page_query_has_its_limit_in_the_SQL_and_pages_in_keyset_order()
    {
        var customerId = await _desk.CustomerWithIncidentsAsync(5);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();

        var sql = NumbersOf(db, customerId).TakeConstant(4).ToQueryString();
        Assert.True(sql.TrimEnd().EndsWith("LIMIT 4", StringComparison.Ordinal), sql);

        var numbers = new List<string>();
        string? cursor = null;
        do
        {
            var after = Cursor.Decode<string>(cursor);
            var query = after is null ? NumbersOf(db, customerId) : NumbersOf(db, customerId).Where(n => string.Compare(n, after) < 0);
            var page = await query.ToPageAsync(2, n => n, CancellationToken.None);
            Assert.InRange(page.Items.Count, 1, 2);
            numbers.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(5, numbers.Count);
        Assert.Equal(numbers.OrderDescending(StringComparer.Ordinal), numbers);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_a_prepared_page_query_is_not_planned_again_on_every_call()
    {
        var customerId = await _desk.CustomerWithIncidentsAsync(3);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        await db.Database.OpenConnectionAsync(); // one physical connection: its prepared statements are the ones below

        // Npgsql prepares a statement at its 5th use; PostgreSQL plans it per call 5 times, then decides on a generic plan.
        for (var call = 0; call < 15; call++)
            Assert.Equal(3, (await NumbersOf(db, customerId).ToPageAsync(3, n => n, CancellationToken.None)).Items.Count);

        var statements = await PreparedStatements.OnAsync(db.Database.GetDbConnection());
        var page = Assert.Single(statements, s => s.Sql.Contains("t.\"CustomerId\" = ", StringComparison.Ordinal)
            && s.Sql.Contains("ORDER BY t.\"Number\" DESC", StringComparison.Ordinal));
        Assert.EndsWith("LIMIT 4", page.Sql.TrimEnd(), StringComparison.Ordinal);
        Assert.True(page.GenericPlans > 0, $"planned {page.CustomPlans} times, never reused: {page.Sql}");
    }

    private static IQueryable<string> NumbersOf(ServiceDeskDbContext db, Guid customerId) =>
        db.Tickets.AsNoTracking().Where(t => t.CustomerId == customerId).OrderByDescending(t => t.Number).Select(t => t.Number);
}
