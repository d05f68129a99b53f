using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Persistence;

/// <summary>
/// A save translates the database's refusals by the provider's error code (DatabaseErrors), on the database the
/// suite runs on (SQLite, or PostgreSQL with SERVICEDESK_TEST_POSTGRES set).
/// </summary>
public sealed class DatabaseErrorTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static string NewCode() => "DUP-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private async Task<T> WithDbAsync<T>(Func<ServiceDeskDbContext, Task<T>> action)
    {
        using var client = factory.CreateAdminClient(); // starts the host: migrated and seeded
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>());
    }

    private Task<int> SaveCustomerAsync(string code) => WithDbAsync(async db =>
    {
        db.Customers.Add(new Customer(Guid.NewGuid(), code, "Duplicate probe", []));
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_taken_unique_code_is_a_DuplicateKeyException_naming_the_table()
    {
        var code = NewCode();
        await SaveCustomerAsync(code);

        var duplicate = await Assert.ThrowsAsync<DuplicateKeyException>(() => SaveCustomerAsync(code));

        Assert.Equal("Customers", duplicate.Table);
        Assert.IsAssignableFrom<DbUpdateException>(duplicate.InnerException);
    }

    [Fact]
    public async Task A_taken_primary_key_is_a_DuplicateKeyException_in_the_synchronous_save_too()
    {
        // OPS is a seeded product line; its code is the primary key.
        var duplicate = await WithDbAsync(db =>
        {
            db.ProductLines.Add(new ProductLine("OPS", "Second OPS", "第二", null));
            return Task.FromResult(Assert.Throws<DuplicateKeyException>(() => db.SaveChanges()));
        });

        Assert.Equal("ProductLines", duplicate.Table);
    }

    [Fact]
    public async Task A_history_line_numbered_from_a_stale_count_is_a_lost_concurrency_race()
    {
        var desk = new DeskDriver(factory);
        var customer = await desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var number = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer))).GetProperty("number").GetString();

        var race = await WithDbAsync(async db =>
        {
            var ticketId = await db.Tickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync();
            // Line 1 exists (the ticket's creation); a writer that counted from a stale history writes it again.
            db.TicketHistory.Add(new TicketHistoryEntry(ticketId, 1, DateTimeOffset.UtcNow, "probe", "comment", null, null, null));
            return await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        });

        // The database's refusal is kept as the inner exception: a unique violation, by its provider code.
        Assert.True(IsUniqueViolation(Assert.IsAssignableFrom<DbUpdateException>(race.InnerException)));
    }

    [Fact]
    public async Task Any_other_refusal_propagates_unchanged()
    {
        // A history line for a ticket that does not exist: a foreign-key failure on a history table, not a race.
        var refused = await WithDbAsync(async db =>
        {
            db.TicketHistory.Add(new TicketHistoryEntry(Guid.NewGuid(), 1, DateTimeOffset.UtcNow, "probe", "comment", null, null, null));
            return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        Assert.IsNotType<DbUpdateConcurrencyException>(refused);
        Assert.False(IsUniqueViolation(refused));
    }

    [PostgresFact]
    public async Task On_PostgreSQL_the_violated_constraint_is_named()
    {
        var code = NewCode();
        await SaveCustomerAsync(code);

        var duplicate = await Assert.ThrowsAsync<DuplicateKeyException>(() => SaveCustomerAsync(code));

        Assert.Equal("Customers", duplicate.Table);
        Assert.Equal("IX_Customers_Code", duplicate.Constraint);
    }

    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException is
        Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }
        or Npgsql.PostgresException { SqlState: "23505" };
}
