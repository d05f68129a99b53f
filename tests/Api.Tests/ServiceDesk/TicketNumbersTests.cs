using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.ServiceDesk;

/// <summary>Number blocks reserved from the counter rows, on the provider under test (SQLite, or PostgreSQL in CI).</summary>
public sealed class TicketNumbersTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    [Fact]
    public async Task A_block_is_taken_from_the_counter_and_handed_out_in_order()
    {
        using var client = factory.CreateAdminClient(); // starts the host: migrated and seeded
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<ITicketNumbers>();
        var before = await db.NumberSequences.AsNoTracking().Where(s => s.Prefix == "PRB").Select(s => s.LastValue).SingleAsync();

        var first = await numbers.NextAsync("PRB", CancellationToken.None);
        var second = await numbers.NextAsync("PRB", CancellationToken.None);

        var after = await db.NumberSequences.AsNoTracking().Where(s => s.Prefix == "PRB").Select(s => s.LastValue).SingleAsync();
        Assert.True(after > before, "the counter row did not move");
        Assert.Equal($"PRB{before + 1:D6}", first);
        Assert.Equal($"PRB{before + 2:D6}", second);
    }

    [Fact]
    public async Task A_prefix_without_a_counter_row_is_an_error_not_a_number()
    {
        using var client = factory.CreateAdminClient();
        var numbers = factory.Services.GetRequiredService<ITicketNumbers>();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => numbers.NextAsync("NOPE", CancellationToken.None));
        Assert.Contains("'NOPE' is missing", e.Message, StringComparison.Ordinal);
    }
}
