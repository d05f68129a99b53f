using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Persistence;

/// <summary>The test host really runs on the database the suite was asked for.</summary>
public sealed class DatabaseProviderTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private async Task<(string? Provider, List<string> Pending)> InspectAsync()
    {
        using var client = factory.CreateAdminClient(); // starts the host: migrated and seeded
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        return (db.Database.ProviderName, (await db.Database.GetPendingMigrationsAsync()).ToList());
    }

    [PostgresFact]
    public async Task With_SERVICEDESK_TEST_POSTGRES_set_the_host_runs_on_PostgreSQL_fully_migrated()
    {
        var (provider, pending) = await InspectAsync();

        Assert.Contains("Npgsql", provider, StringComparison.Ordinal);
        Assert.Empty(pending);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        Assert.Equal(53, await db.Products.CountAsync());
        var version = await db.Database.SqlQueryRaw<string>("SELECT version() AS \"Value\"").SingleAsync();
        Assert.StartsWith("PostgreSQL", version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_runs_on_the_provider_the_test_database_names_fully_migrated()
    {
        var (provider, pending) = await InspectAsync();

        Assert.Contains(TestDatabase.UsesPostgres ? "Npgsql" : "Sqlite", provider, StringComparison.Ordinal);
        Assert.Empty(pending);
    }
}
