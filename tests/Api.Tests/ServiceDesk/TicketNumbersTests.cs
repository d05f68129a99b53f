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

    [Fact]
    public async Task A_failed_reservation_is_tried_again_by_the_next_caller()
    {
        using var client = factory.CreateAdminClient();
        var numbers = factory.Services.GetRequiredService<ITicketNumbers>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => numbers.NextAsync("TRY", CancellationToken.None));

        await AddCounterAsync("TRY");

        Assert.Equal("TRY000001", await numbers.NextAsync("TRY", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_callers_get_every_number_once_in_the_order_of_the_blocks()
    {
        using var client = factory.CreateAdminClient();
        await AddCounterAsync("CON");
        var numbers = factory.Services.GetRequiredService<ITicketNumbers>();

        // 8 callers x 60 numbers with blocks of 20: many blocks, each reserved while others draw numbers.
        var drawn = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < 60; i++)
                mine.Add(long.Parse((await numbers.NextAsync("CON", CancellationToken.None))[3..], System.Globalization.CultureInfo.InvariantCulture));
            return mine;
        })));

        Assert.Equal(Enumerable.Range(1, 480).Select(n => (long)n), drawn.SelectMany(d => d).Order());
        Assert.All(drawn, mine => Assert.Equal(mine.Order(), mine)); // each caller's numbers rise
    }

    [Fact]
    public async Task The_next_block_is_reserved_once_half_of_the_current_one_is_handed_out()
    {
        using var client = factory.CreateAdminClient();
        await AddCounterAsync("AHD");
        var numbers = factory.Services.GetRequiredService<ITicketNumbers>();

        for (var i = 1; i <= 10; i++)
            Assert.Equal($"AHD{i:D6}", await numbers.NextAsync("AHD", CancellationToken.None));
        Assert.Equal(20, await CounterAsync("AHD")); // 10 left of 1..20: nothing reserved ahead yet

        Assert.Equal("AHD000011", await numbers.NextAsync("AHD", CancellationToken.None));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await CounterAsync("AHD") != 40 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(40, await CounterAsync("AHD")); // 21..40 reserved in the background

        for (var i = 12; i <= 21; i++)
            Assert.Equal($"AHD{i:D6}", await numbers.NextAsync("AHD", CancellationToken.None));
    }

    [Fact]
    public async Task Blocks_of_one_reserve_nothing_ahead()
    {
        var single = new ServiceDeskApiFactory().With("ServiceDesk:NumberBlockSize", "1");
        try
        {
            using var client = single.CreateAdminClient();
            await AddCounterAsync(single, "ONE");
            var numbers = single.Services.GetRequiredService<ITicketNumbers>();

            for (var i = 1; i <= 3; i++)
                Assert.Equal($"ONE{i:D6}", await numbers.NextAsync("ONE", CancellationToken.None));
            await Task.Delay(200); // time for a reservation ahead, were one started
            Assert.Equal(3, await CounterAsync(single, "ONE"));
        }
        finally
        {
            await ((IAsyncLifetime)single).DisposeAsync();
        }
    }

    private Task AddCounterAsync(string prefix) => AddCounterAsync(factory, prefix);

    private Task<long> CounterAsync(string prefix) => CounterAsync(factory, prefix);

    private static async Task AddCounterAsync(ServiceDeskApiFactory host, string prefix)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        db.NumberSequences.Add(new NumberSequence(prefix));
        await db.SaveChangesAsync();
    }

    private static async Task<long> CounterAsync(ServiceDeskApiFactory host, string prefix)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        return await db.NumberSequences.AsNoTracking().Where(s => s.Prefix == prefix).Select(s => s.LastValue).SingleAsync();
    }
}
