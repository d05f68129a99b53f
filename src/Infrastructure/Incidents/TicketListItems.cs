using Microsoft.Extensions.Caching.Memory;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Infrastructure.Incidents;

/// <summary>
/// A ticket on a page of the list (<see cref="TicketReader.ListAsync"/>): which one and at which version, for a page
/// whose items are kept (<see cref="TicketListItems"/>); its item, read with the page; or all three, as kept.
/// </summary>
internal readonly record struct ListedTicket(Guid Id, int Version, TicketListItem? Item);

/// <summary>
/// The list items of tickets recently listed on a first page of the ticket list, by ticket and version (issue 14). A
/// first page's query reads each ticket's id and version only, and its items come from here; the tickets not here,
/// or here at another version, are read in one more query (<see cref="TicketReader"/>'s) and kept.
/// <para>
/// A ticket's version changes with every write of the row (it is the optimistic-concurrency token, and nothing writes
/// tickets around it: anything that ever updates Tickets outside SaveChanges must increment "Version" too), so an item
/// kept at the version a page reads is the row as committed at that version: a kept item is never stale, whatever
/// instance wrote the ticket. Keyed by the ticket's id, not its number, so that two databases behind one process (the
/// tests') cannot mix; <see cref="ReadFor"/> bounds what a restored database could mix up. A page's items took about
/// half of what the API spent on it (Npgsql reading some 850 values, EF Core shaping them); a first page clients poll
/// reads 100 instead. A page none of whose items are kept costs more than reading them with the page (two queries, and
/// 50 entries for the cache to make room for), so only a first page whose filter was listed lately
/// (<see cref="ListedLately"/>) is read this way: any other first page (a filter asked for once) is read with its items
/// and keeps none, and pages after a cursor (a walk through the list) read their items with them too.
/// </para>
/// </summary>
internal sealed class TicketListItems : IDisposable
{
    /// <summary>
    /// How many items are kept at most: about 1 KB each with the cache's entry (estimated), and about half as much again
    /// for the item's JSON, which the API keeps with the item while it lives.
    /// </summary>
    public const int DefaultCapacity = 10_000;

    /// <summary>An item not listed for this long is dropped.</summary>
    public static readonly TimeSpan UnlistedFor = TimeSpan.FromMinutes(10);

    /// <summary>
    /// An item is dropped this long after it was read, listed or not: a backstop for a write around the version (a
    /// restored database, whose versions start again from older ones; an UPDATE of Tickets by hand).
    /// </summary>
    public static readonly TimeSpan ReadFor = TimeSpan.FromMinutes(30);

    /// <summary>Every entry's options (the cache only reads them).</summary>
    private static readonly MemoryCacheEntryOptions EntryOptions = new() { Size = 1, SlidingExpiration = UnlistedFor, AbsoluteExpirationRelativeToNow = ReadFor };

    /// <summary>How many first pages' filters are remembered as listed lately at most.</summary>
    public const int FilterCapacity = 1_000;

    /// <summary>A filter's options: remembered while its first page is listed at least every <see cref="UnlistedFor"/>.</summary>
    private static readonly MemoryCacheEntryOptions FilterOptions = new() { Size = 1, SlidingExpiration = UnlistedFor };

    private readonly MemoryCache _items;

    /// <summary>The filters (with kind and page size) of first pages listed lately, whose items are likely kept.</summary>
    private readonly MemoryCache _filters = new(new MemoryCacheOptions { SizeLimit = FilterCapacity });

    public TicketListItems()
        : this(DefaultCapacity)
    {
    }

    /// <param name="capacity">How many items are kept at most; past it a new item is not kept (and the cache drops the
    /// least recently listed twentieth in the background), so its page reads it again.</param>
    internal TicketListItems(int capacity) => _items = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });

    /// <summary>
    /// Whether a first page of this filter was listed lately, so that its items are likely kept and the page is read
    /// by its tickets' ids and versions (<see cref="OfAsync"/>). Listing it again keeps it remembered.
    /// </summary>
    public bool ListedLately(TicketListFilter filter) => _filters.TryGetValue(filter, out _);

    /// <summary>
    /// Remembers that a first page of this filter was listed, unless one of its texts is longer than any stored value
    /// (the query string's length is the client's choice; such a filter matches nothing, and is not worth its memory).
    /// </summary>
    public void RememberListed(TicketListFilter filter)
    {
        if (filter.ProductLine is not { Length: > Guard.MaxCodeLength }
            && filter.Group is not { Length: > AssignmentGroup.NameMaxLength }
            && filter.Assignee is not { Length: > Ticket.AssigneeMaxLength })
        {
            _filters.Set(filter, true, FilterOptions);
        }
    }

    /// <summary>Keeps the items of a first page read again with them (each with its id and version).</summary>
    public void Keep(List<ListedTicket> page)
    {
        foreach (var ticket in page)
            _items.Set(ticket.Id, ticket, EntryOptions);
    }

    /// <summary>
    /// The items of a page's tickets (their ids and versions) in the page's order: kept ones, and the others read by
    /// <paramref name="readById"/> (each with its id, version and item) and kept. Null when one of them was written
    /// since the page's query (read at another version, or not at all): its item might no longer match the page's
    /// filters, so the page must be read again.
    /// </summary>
    public async Task<List<TicketListItem>?> OfAsync(
        List<ListedTicket> page, Func<Guid[], IAsyncEnumerable<ListedTicket>> readById, CancellationToken cancellationToken)
    {
        var items = new List<TicketListItem>(page.Count);
        List<Guid>? missing = null;
        foreach (var ticket in page)
        {
            if (Kept(ticket) is { } item)
                items.Add(item);
            else
                (missing ??= []).Add(ticket.Id);
        }

        if (missing is null)
            return items;

        var read = new Dictionary<Guid, ListedTicket>(missing.Count);
        await foreach (var row in readById(missing.ToArray()).WithCancellation(cancellationToken))
        {
            read[row.Id] = row;
            _items.Set(row.Id, row, EntryOptions);
        }

        items.Clear();
        foreach (var ticket in page)
        {
            if (Kept(ticket) is { } item)
                items.Add(item);
            else if (read.TryGetValue(ticket.Id, out var row) && row.Version == ticket.Version)
                items.Add(row.Item!);
            else
                return null;
        }

        return items;
    }

    /// <summary>How many items are kept (for tests).</summary>
    public int Count => _items.Count;

    public void Dispose()
    {
        _items.Dispose();
        _filters.Dispose();
    }

    /// <summary>The ticket's kept item if it is kept at that version.</summary>
    private TicketListItem? Kept(ListedTicket ticket) =>
        _items.TryGetValue(ticket.Id, out ListedTicket kept) && kept.Version == ticket.Version ? kept.Item : null;
}
