using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.Integrations;
using ServiceDesk.Api.Tests.ServiceDesk;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Observability;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Persistence;

/// <summary>
/// Group commit of new tickets on PostgreSQL (<see cref="InsertGroups"/>): intakes that arrive while the allowed writes
/// are under way are committed together, each whole; a group the server refuses is written again request by request;
/// a group whose outcome is unknown fails for every request in it, and nothing of it is written.
/// The writes are held up by a lock on the history table taken by another connection (an INSERT waits for it), so
/// that requests queue the way they do under load.
/// </summary>
public sealed class InsertGroupTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [PostgresFact]
    public async Task Intakes_that_arrive_while_writes_are_under_way_are_committed_together_each_whole()
    {
        var customerId = await new DeskDriver(factory).CustomerAsync("GOLD");
        var groups = Groups();
        var written = groups.GroupsWritten;
        var tickets = new List<Ticket>();
        for (var i = 0; i < InsertGroups.MaxWriters + 6; i++)
            tickets.Add(await NewTickets.OpenAsync(factory, customerId, NewTickets.UniqueNumber()));

        var recorded = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServiceDeskMetrics.MeterName && instrument.Name == "servicedesk.intake.write.requests")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => recorded.Add(value));
        listener.Start();

        Task[] inserts;
        await using (var hold = await HoldWritesAsync())
        {
            inserts = await QueueAsync(groups, tickets);
            await hold.RollbackAsync();
        }

        await Task.WhenAll(inserts).WaitAsync(Patience);
        Assert.True(groups.GroupsWritten > written, "the queued intakes were written one by one, not in a group");
        // The six that queued behind the two writes were handed over together, and the metric says so.
        Assert.Contains(6, recorded);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        foreach (var ticket in tickets)
        {
            Assert.Equal(1, await db.Tickets.CountAsync(t => t.Number == ticket.Number));
            Assert.Equal(1, await db.TicketHistory.CountAsync(h => h.OwnerId == ticket.Id));
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Number == ticket.Number));
        }
    }

    [PostgresFact]
    public async Task A_group_the_server_refuses_is_written_again_request_by_request_and_only_the_duplicate_fails()
    {
        var customerId = await new DeskDriver(factory).CustomerAsync("GOLD");
        var groups = Groups();
        var taken = NewTickets.UniqueNumber();
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>().InsertNewAsync(await NewTickets.OpenAsync(factory, customerId, taken));

        var tickets = new List<Ticket>();
        for (var i = 0; i < InsertGroups.MaxWriters + 5; i++)
            tickets.Add(await NewTickets.OpenAsync(factory, customerId, i == InsertGroups.MaxWriters + 2 ? taken : NewTickets.UniqueNumber()));
        var duplicate = tickets[InsertGroups.MaxWriters + 2];

        Task[] inserts;
        await using (var hold = await HoldWritesAsync())
        {
            inserts = await QueueAsync(groups, tickets);
            await hold.RollbackAsync();
        }

        await Task.WhenAll(inserts.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Patience);
        for (var i = 0; i < tickets.Count; i++)
        {
            if (tickets[i] == duplicate)
                await Assert.ThrowsAsync<DuplicateKeyException>(() => inserts[i]);
            else
                await inserts[i];
        }

        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        foreach (var ticket in tickets.Where(t => t != duplicate))
        {
            Assert.Equal(1, await db.Tickets.CountAsync(t => t.Id == ticket.Id));
            Assert.Equal(1, await db.TicketHistory.CountAsync(h => h.OwnerId == ticket.Id));
        }

        Assert.Equal(1, await db.Tickets.CountAsync(t => t.Number == taken));
        Assert.False(await db.Tickets.AnyAsync(t => t.Id == duplicate.Id));
        Assert.False(await db.TicketHistory.AnyAsync(h => h.OwnerId == duplicate.Id));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Number == taken));
    }

    [PostgresFact]
    public async Task When_a_groups_outcome_is_unknown_every_request_in_it_fails_as_unavailable_and_none_is_written()
    {
        var customerId = await new DeskDriver(factory).CustomerAsync("GOLD");
        var groups = Groups();
        var tickets = new List<Ticket>();
        for (var i = 0; i < InsertGroups.MaxWriters + 3; i++)
            tickets.Add(await NewTickets.OpenAsync(factory, customerId, NewTickets.UniqueNumber()));

        Task[] inserts;
        await using (var hold = await HoldWritesAsync())
        {
            inserts = await QueueAsync(groups, tickets);
            // The writes alone end (their connections are cut); the queued three become one group, whose write waits in
            // turn and is cut too: its commit can no longer be known from the client's side.
            await TerminateWaitingAsync(hold, InsertGroups.MaxWriters);
            await WebhookTestKit.EventuallyAsync(() => groups.Waiting == 0 && inserts.Take(InsertGroups.MaxWriters).All(t => t.IsCompleted), "the writes alone ended and the queued ones became a group", Patience);
            await TerminateWaitingAsync(hold, 1);
            await hold.RollbackAsync();
        }

        await Task.WhenAll(inserts.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Patience);
        foreach (var insert in inserts)
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => insert);
            Assert.True(DatabaseErrors.IsUnavailable(failure), failure.ToString());
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        foreach (var ticket in tickets)
        {
            Assert.False(await db.Tickets.AnyAsync(t => t.Id == ticket.Id));
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Number == ticket.Number));
        }
    }

    private InsertGroups Groups() => InsertGroups.For(ConnectionString());

    /// <summary>
    /// Starts the inserts of <paramref name="tickets"/>, the first <see cref="InsertGroups.MaxWriters"/> as writes that
    /// wait on the held lock, the rest queued behind them; returns once they are.
    /// </summary>
    private async Task<Task[]> QueueAsync(InsertGroups groups, List<Ticket> tickets)
    {
        var inserts = new List<Task>();
        foreach (var (ticket, index) in tickets.Select((t, i) => (t, i)))
        {
            inserts.Add(Task.Run(() => InsertAsync(ticket)));
            if (index < InsertGroups.MaxWriters)
                await WebhookTestKit.EventuallyAsync(async () => await LockWaitsAsync() == index + 1, $"{index + 1} writes wait for the lock", Patience);
            else
                await WebhookTestKit.EventuallyAsync(() => groups.Waiting == index + 1 - InsertGroups.MaxWriters, $"{index + 1 - InsertGroups.MaxWriters} requests are queued", Patience);
        }

        return [.. inserts];
    }

    private async Task InsertAsync(Ticket ticket)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>().InsertNewAsync(ticket);
    }

    /// <summary>A transaction on another connection that holds a lock every INSERT into the history table waits for.</summary>
    private async Task<NpgsqlTransaction> HoldWritesAsync()
    {
        var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""LOCK TABLE "TicketHistory" IN SHARE ROW EXCLUSIVE MODE""", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    /// <summary>How many sessions wait for the history table's lock.</summary>
    private async Task<long> LockWaitsAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM pg_locks WHERE {WaitsForHistory}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Ends, from the holding connection, the sessions that wait for its lock, once there are <paramref name="count"/>.</summary>
    private async Task TerminateWaitingAsync(NpgsqlTransaction hold, int count)
    {
        await WebhookTestKit.EventuallyAsync(async () => await LockWaitsAsync() == count, $"{count} writes wait for the lock", Patience);
        await using var command = new NpgsqlCommand(
            $"SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE {WaitsForHistory}",
            hold.Connection, hold);
        Assert.Equal(count, (long)(await command.ExecuteScalarAsync())!);
    }

    private const string WaitsForHistory = """NOT granted AND relation = '"TicketHistory"'::regclass""";

    private string AdminConnectionString() => new NpgsqlConnectionStringBuilder(ConnectionString()) { Pooling = false }.ConnectionString;

    private string ConnectionString()
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>().Database.GetConnectionString()!;
    }
}
