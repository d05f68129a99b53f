using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Infrastructure.Incidents;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Incidents;

/// <summary>
/// The ticket list's kept items (<see cref="TicketListItems"/>): a page lists every ticket as it is now, after writes
/// through this instance or another; a first page not listed lately is read with its items, one listed lately reads
/// only which tickets are on it and their versions (and the items not kept), and a page after a cursor reads its
/// items with the page.
/// </summary>
public sealed class TicketListItemsTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private readonly DeskDriver _desk = new(factory);

    [Fact]
    public async Task A_page_lists_each_ticket_as_it_is_now_after_writes_through_this_instance()
    {
        var customerId = await _desk.CustomerWithIncidentsAsync(3);
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var numbers = (await ListedAndKeptAsync(agent, customerId)).Select(i => i.GetProperty("number").GetString()!).ToList();

        (await agent.PostAsJsonAsync($"/api/v1/incidents/{numbers[0]}/assign", new { group = "Infrastructure", assignee = "li.wei" })).EnsureSuccessStatusCode();
        (await agent.PostAsync($"/api/v1/incidents/{numbers[0]}/start", null)).EnsureSuccessStatusCode();
        (await agent.PatchAsJsonAsync($"/api/v1/incidents/{numbers[2]}", new { summary = "Switch replaced, watching", impact = "Low" })).EnsureSuccessStatusCode();

        await AssertListedAsTheyAreAsync(agent, customerId);
        var page = await PageAsync(agent, customerId);
        Assert.Equal(["InProgress", "New", "New"], page.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal("Switch replaced, watching", page[2].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_page_lists_a_ticket_as_another_instance_wrote_it()
    {
        var customerId = await _desk.CustomerWithIncidentsAsync(2);
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var number = (await ListedAndKeptAsync(agent, customerId))[0].GetProperty("number").GetString()!;

        await using (var other = new SameDatabaseApiFactory(factory.Database))
        {
            using var otherAgent = (await other.CreateClientWithRolesAsync(null, "Agent")).Client;
            (await otherAgent.PostAsJsonAsync($"/api/v1/incidents/{number}/assign", new { group = "Data Center", assignee = "wang.fang" })).EnsureSuccessStatusCode();
        }

        var item = (await PageAsync(agent, customerId))[0];
        Assert.Equal("wang.fang", item.GetProperty("assignee").GetString());
        Assert.Equal("Data Center", item.GetProperty("assignmentGroup").GetString());
        await AssertListedAsTheyAreAsync(agent, customerId);
    }

    [Fact]
    public async Task A_first_page_is_read_with_its_items_then_by_its_tickets_and_versions_and_reads_a_ticket_again_once_it_changes()
    {
        var customerId = await _desk.CustomerWithIncidentsAsync(3);
        await using var counting = new CountingReader(factory.Services);
        var (commands, _, _, reader) = counting;
        var filter = TicketListQueriesTests.Filter(customerId, take: 51);

        var first = await reader.ListAsync(filter, CancellationToken.None);
        Assert.Equal(1, commands.Count); // not listed lately: the page with its items, none kept
        var second = await reader.ListAsync(filter, CancellationToken.None);
        Assert.Equal(3, commands.Count); // listed lately: the page's tickets, then their items, which are kept
        var again = await reader.ListAsync(filter, CancellationToken.None);
        Assert.Equal(4, commands.Count); // the page's tickets only
        Assert.Equal(first, second);
        Assert.Equal(first, again);

        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        (await agent.PostAsJsonAsync($"/api/v1/incidents/{first[1].Number}/assign", new { group = "Infrastructure", assignee = "li.wei" })).EnsureSuccessStatusCode();
        var changed = await reader.ListAsync(filter, CancellationToken.None);
        Assert.Equal(6, commands.Count); // the page's tickets, then the changed one's item
        Assert.Equal(first[0], changed[0]);
        Assert.Equal(first[2], changed[2]);
        Assert.Equal(("li.wei", TicketStatus.Assigned), (changed[1].Assignee, changed[1].Status));
    }

    [Fact]
    public async Task A_first_page_of_another_filter_is_read_with_its_items_even_when_they_are_kept()
    {
        var customerId = await _desk.CustomerWithIncidentsAsync(3);
        await using var counting = new CountingReader(factory.Services);
        var (commands, _, items, reader) = counting;
        var filter = TicketListQueriesTests.Filter(customerId, take: 51);
        var page = await reader.ListAsync(filter, CancellationToken.None);
        await reader.ListAsync(filter, CancellationToken.None);
        var before = commands.Count;
        Assert.Equal(page, await reader.ListAsync(filter, CancellationToken.None));
        Assert.Equal(before + 1, commands.Count); // every item kept

        // Listed lately is by filter and page size: the same tickets under another filter are one query with their items.
        var other = filter with { Take = 4 };
        Assert.False(items.ListedLately(other));
        Assert.Equal(page, await reader.ListAsync(other, CancellationToken.None));
        Assert.Equal(before + 2, commands.Count);
        Assert.Contains("\"Summary\"", commands.LastSql, StringComparison.Ordinal);
        Assert.True(items.ListedLately(other));
        Assert.Equal(page, await reader.ListAsync(other, CancellationToken.None));
        Assert.Equal(before + 3, commands.Count); // listed lately, and every item kept: the page's tickets only
        Assert.DoesNotContain("\"Summary\"", commands.LastSql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_with_a_text_longer_than_any_stored_value_is_not_remembered()
    {
        using var items = new TicketListItems();
        var filter = TicketListQueriesTests.Filter(Guid.NewGuid(), take: 51);

        items.RememberListed(filter with { Assignee = new string('a', Ticket.AssigneeMaxLength + 1) });
        items.RememberListed(filter with { Group = new string('g', 10_000) });
        Assert.False(items.ListedLately(filter with { Assignee = new string('a', Ticket.AssigneeMaxLength + 1) }));
        Assert.False(items.ListedLately(filter with { Group = new string('g', 10_000) }));

        items.RememberListed(filter with { Assignee = new string('a', Ticket.AssigneeMaxLength) });
        Assert.True(items.ListedLately(filter with { Assignee = new string('a', Ticket.AssigneeMaxLength) }));
    }

    [Fact]
    public async Task A_page_with_more_tickets_than_can_be_kept_lists_every_one_as_it_is()
    {
        var customerId = await _desk.CustomerWithIncidentsAsync(4);
        using var items = new TicketListItems(capacity: 2);
        await using var counting = new CountingReader(factory.Services, items);
        var (commands, db, _, reader) = counting;
        var filter = TicketListQueriesTests.Filter(customerId, take: 5);
        using var unbounded = new TicketListItems();
        var expected = await new TicketReader(db, unbounded).ListAsync(filter with { After = (DateTimeOffset.MaxValue, "~") }, CancellationToken.None);
        Assert.Equal(4, expected.Count);

        for (var call = 0; call < 3; call++)
        {
            var before = commands.Count;
            Assert.Equal(expected, await reader.ListAsync(filter, CancellationToken.None));
            // First with its items, keeping none; then at most two of the four are kept, and the others are read each time.
            Assert.Equal(before + (call == 0 ? 1 : 2), commands.Count);
            Assert.True(items.Count <= 2, $"{items.Count} items kept");
        }
    }

    [Fact]
    public async Task A_page_after_a_cursor_reads_its_items_with_the_page_and_keeps_none()
    {
        var customerId = await _desk.CustomerWithIncidentsAsync(3);
        await using var counting = new CountingReader(factory.Services);
        var (commands, _, items, reader) = counting;
        var first = TicketListQueriesTests.Filter(customerId, take: 2);
        var top = await reader.ListAsync(first, CancellationToken.None);

        var kept = items.Count;
        var before = commands.Count;
        var next = await reader.ListAsync(first with { After = (top[0].OpenedAt, top[0].Number), Take = 3 }, CancellationToken.None);
        Assert.Equal(before + 1, commands.Count);
        Assert.Equal(kept, items.Count);
        Assert.Equal(2, next.Count);
        Assert.Equal(top[1], next[0]);
        Assert.True(string.CompareOrdinal(next[0].Number, next[1].Number) > 0);
        Assert.All(next, i => Assert.Equal(customerId, i.CustomerId));
    }

    [Fact]
    public async Task A_ticket_written_between_a_first_pages_two_queries_makes_the_page_read_again_and_its_new_item_is_kept()
    {
        var customerId = await _desk.CustomerWithIncidentsAsync(1);
        await using var counting = new CountingReader(factory.Services);
        var (commands, db, _, reader) = counting;
        var ticket = await db.Set<Ticket>().AsNoTracking().SingleAsync(t => t.CustomerId == customerId);
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        (await agent.PostAsJsonAsync($"/api/v1/incidents/{ticket.Number}/assign", new { group = "Infrastructure", assignee = "li.wei" })).EnsureSuccessStatusCode();

        // As if the page's query had read the ticket just before the assignment: its item (Assigned now) might not
        // match the page's filters (status=New), so there is none for the page.
        var before = commands.Count;
        Assert.Null(await reader.KeptItemsAsync([new ListedTicket(ticket.Id, ticket.Version, null)], CancellationToken.None));
        Assert.Equal(before + 1, commands.Count);

        // The item read is kept at its own version: the page that lists that version reads no item.
        var kept = Assert.Single((await reader.KeptItemsAsync([new ListedTicket(ticket.Id, ticket.Version + 1, null)], CancellationToken.None))!);
        Assert.Equal(("li.wei", TicketStatus.Assigned), (kept.Assignee, kept.Status));
        Assert.Equal(before + 1, commands.Count);
    }

    [Fact]
    public async Task A_page_lists_the_clocks_the_SLA_monitor_breached_after_the_page_was_read()
    {
        // PLATINUM on 24X7: a P1's response is due in 15 minutes and its resolution in 240, so five hours breach both.
        var customerId = await _desk.CustomerAsync("PLATINUM");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customerId, impact: "High", urgency: "High"));
        Assert.Equal("Running", (await ListedAndKeptAsync(agent, customerId))[0].GetProperty("responseState").GetString());

        factory.Clock.Advance(TimeSpan.FromHours(5));
        await TestMonitors.Of(factory).RunOnceAsync(CancellationToken.None);

        var item = (await PageAsync(agent, customerId))[0];
        Assert.Equal(("Breached", "Breached"), (item.GetProperty("responseState").GetString(), item.GetProperty("resolutionState").GetString()));
        await AssertListedAsTheyAreAsync(agent, customerId);
    }

    /// <summary>The customer's first page, listed twice: the second listing keeps its items (a filter listed once keeps none).</summary>
    private static async Task<List<JsonElement>> ListedAndKeptAsync(HttpClient client, Guid customerId)
    {
        await PageAsync(client, customerId);
        return await PageAsync(client, customerId);
    }

    private static async Task<List<JsonElement>> PageAsync(HttpClient client, Guid customerId) =>
        [.. (await (await client.GetAsync($"/api/v1/incidents?customerId={customerId}")).ReadJsonAsync()).GetProperty("items").EnumerateArray()];

    /// <summary>Every item on the customer's page has the values of the ticket's own read, field for field.</summary>
    private static async Task AssertListedAsTheyAreAsync(HttpClient client, Guid customerId)
    {
        foreach (var item in await PageAsync(client, customerId))
        {
            var ticket = await (await client.GetAsync($"/api/v1/incidents/{item.GetProperty("number").GetString()}")).ReadJsonAsync();
            foreach (var field in item.EnumerateObject())
                Assert.Equal(ticket.GetProperty(field.Name).GetRawText(), field.Value.GetRawText());
        }
    }

    /// <summary>A ticket reader on a counting context of its own, with the process's kept items or the given ones.</summary>
    private sealed class CountingReader : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope;

        public CountingReader(IServiceProvider services, TicketListItems? items = null)
        {
            _scope = services.CreateAsyncScope();
            Db = CountingContext(_scope.ServiceProvider, Commands);
            Items = items ?? _scope.ServiceProvider.GetRequiredService<TicketListItems>();
            Reader = new TicketReader(Db, Items);
        }

        public CommandCounter Commands { get; } = new();

        public ServiceDeskDbContext Db { get; }

        public TicketListItems Items { get; }

        public TicketReader Reader { get; }

        public void Deconstruct(out CommandCounter commands, out ServiceDeskDbContext db, out TicketListItems items, out TicketReader reader) =>
            (commands, db, items, reader) = (Commands, Db, Items, Reader);

        public async ValueTask DisposeAsync()
        {
            await Db.DisposeAsync();
            await _scope.DisposeAsync();
        }
    }

    /// <summary>
    /// A context of its own on the suite's database whose SQL commands are counted (an interceptor in its options,
    /// which the pooled contexts of the host cannot take).
    /// </summary>
    private static ServiceDeskDbContext CountingContext(IServiceProvider services, CommandCounter counter)
    {
        var type = services.GetRequiredService<ServiceDeskDbContext>().GetType();
        var options = (DbContextOptions)services.GetRequiredService(typeof(DbContextOptions<>).MakeGenericType(type));
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type), options)!;
        return (ServiceDeskDbContext)Activator.CreateInstance(type, builder.AddInterceptors(counter).Options)!;
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        /// <summary>The SQL of the last command.</summary>
        public string LastSql { get; private set; } = string.Empty;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            LastSql = command.CommandText;
            return ValueTask.FromResult(result);
        }
    }
}
