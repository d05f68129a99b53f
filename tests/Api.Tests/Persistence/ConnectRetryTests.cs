using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Infrastructure.Persistence;
using ServiceDesk.Infrastructure.Persistence.Providers;

namespace ServiceDesk.Api.Tests.Persistence;

/// <summary>
/// The server providers' execution strategy retries what failed while connecting, and only that; it declares no
/// retries on failure, so EF Core streams query results instead of buffering them.
/// </summary>
public sealed class ConnectRetryTests
{
    private static PostgresServiceDeskDbContext Context() =>
        new(new DbContextOptionsBuilder<PostgresServiceDeskDbContext>().UseNpgsql("Host=unused", DatabaseProviders.Postgres).Options);

    [Fact]
    public async Task A_refused_connection_is_tried_again_and_the_operation_completes()
    {
        await using var db = Context();
        var strategy = db.Database.CreateExecutionStrategy();
        var attempts = 0;

        var result = await strategy.ExecuteAsync(() =>
        {
            attempts++;
            return attempts == 1 ? throw new SocketException((int)SocketError.ConnectionRefused) : Task.FromResult(42);
        });

        Assert.Equal(42, result);
        Assert.Equal(2, attempts);
        Assert.IsType<ConnectRetryingExecutionStrategy>(strategy);
        Assert.False(strategy.RetriesOnFailure);
    }

    [Fact]
    public async Task A_failure_after_connecting_is_not_tried_again()
    {
        await using var db = Context();
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.CreateExecutionStrategy().ExecuteAsync(() =>
        {
            attempts++;
            return Task.FromException<int>(new InvalidOperationException("the statement failed"));
        }));

        Assert.Equal(1, attempts);
    }
}
