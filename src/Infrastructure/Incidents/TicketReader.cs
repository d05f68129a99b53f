using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Infrastructure.Persistence;
using TicketListQuery = System.Func<ServiceDesk.Infrastructure.Persistence.ServiceDeskDbContext, ServiceDesk.Domain.Incidents.TicketKind, System.Guid,
    ServiceDesk.Domain.Incidents.TicketStatus, ServiceDesk.Domain.ServiceLevels.Priority, string, string, string, System.DateTimeOffset,
    System.DateTimeOffset, System.DateTimeOffset, string, int, System.Collections.Generic.IAsyncEnumerable<ServiceDesk.Infrastructure.Incidents.ListedTicket>>;

namespace ServiceDesk.Infrastructure.Incidents;

/// <summary>
/// One ticket by kind and number, and pages of the ticket list, through queries compiled once per process. A first
/// page listed lately reads which tickets are on it and their versions, and <see cref="TicketListItems"/> gives their
/// items; any other first page reads its items with it and keeps none.
/// </summary>
internal sealed class TicketReader(ServiceDeskDbContext db, TicketReader.ListQueries lists, TicketListItems items) : ITicketReader
{
    /// <summary>The list queries of the process (page sizes are the clients' choice: 256 bounds what they can make it compile).</summary>
    private static readonly ListQueries SharedLists = new(capacity: 256);

    public TicketReader(ServiceDeskDbContext db, TicketListItems items)
        : this(db, SharedLists, items)
    {
    }

    private static readonly Func<ServiceDeskDbContext, string, TicketKind, CancellationToken, Task<TicketResponse?>> TicketByNumber =
        EF.CompileAsyncQuery((ServiceDeskDbContext context, string number, TicketKind kind, CancellationToken _) =>
            context.Set<Ticket>().AsNoTracking()
                .Where(t => t.Number == number && t.Kind == kind)
                .Select(TicketMapper.Projection)
                .FirstOrDefault());

    /// <summary>Tickets by id, each with its version and list item (those a first page does not have kept).</summary>
    private static readonly Func<ServiceDeskDbContext, Guid[], IAsyncEnumerable<ListedTicket>> TicketsById = TicketList.CompileById();

    public Task<TicketResponse?> FindAsync(TicketKind kind, string number, CancellationToken cancellationToken) =>
        TicketByNumber(db, number, kind, cancellationToken);

    public async Task<List<TicketListItem>> ListAsync(TicketListFilter filter, CancellationToken cancellationToken)
    {
        // A first page listed lately (what clients poll) reads which tickets are on it and takes their kept items.
        var listedLately = filter.After is null && items.ListedLately(filter);
        if (listedLately && await KeptItemsAsync(await ReadAsync(filter, withItems: false, cancellationToken), cancellationToken) is { } kept)
            return kept;

        // Any other page reads its items with it: a page after a cursor (a walk through the list, once); a first page not
        // listed lately (a filter asked for once: one query costs less than two when few items are kept), which keeps
        // none and has its filter remembered; a first page listed lately one of whose tickets was written between its
        // two queries (its item might no longer match the filters), which keeps the items it read.
        var page = await ReadAsync(filter, withItems: true, cancellationToken);
        if (listedLately)
            items.Keep(page);
        else if (filter.After is null)
            items.RememberListed(filter);
        return page.ConvertAll(t => t.Item!);
    }

    /// <summary>The items of a first page's tickets, or null to read the page again (<see cref="TicketListItems.OfAsync"/>).</summary>
    internal Task<List<TicketListItem>?> KeptItemsAsync(List<ListedTicket> page, CancellationToken cancellationToken) =>
        items.OfAsync(page, ids => TicketsById(db, ids), cancellationToken);

    private async Task<List<ListedTicket>> ReadAsync(TicketListFilter filter, bool withItems, CancellationToken cancellationToken)
    {
        var query = lists.For(filter, withItems);
        var (afterAt, afterNumber) = filter.After ?? default;
        var page = new List<ListedTicket>(filter.Take);
        await foreach (var row in query(db, filter.Kind, filter.CustomerId ?? default, filter.Status ?? default, filter.Priority ?? default,
                           filter.ProductLine ?? string.Empty, filter.Group ?? string.Empty, filter.Assignee ?? string.Empty,
                           filter.OpenedFrom ?? default, filter.OpenedTo ?? default, afterAt, afterNumber ?? string.Empty, filter.Take)
                           .WithCancellation(cancellationToken))
        {
            page.Add(row);
        }

        return page;
    }

    /// <summary>
    /// The list's queries, one per combination of filters (its <see cref="Shape"/>) and page size, compiled when first
    /// asked for. Each is the query ListTickets would build with LINQ: only the filters that are set become SQL
    /// conditions (so every filter keeps its own index), then newest first on (OpenedAt, Number), the LIMIT, and each
    /// ticket's id and version, its item, or all three (<see cref="ListedTicket"/>). Every compiled query takes every parameter;
    /// those of filters it does not have are ignored.
    /// <para>
    /// The LIMIT is a constant. PostgreSQL prices a LIMIT parameter at a tenth of the rows, so a prepared statement
    /// with one never moves to its cached generic plan: it was planned anew on every call, which cost it more than
    /// running the query (about 0.1 ms a page). With a constant it is planned five times and then reused. Past
    /// <c>capacity</c> queries, a shape gets one query with the LIMIT as a parameter (planned every time) instead of one per
    /// size, so what clients can make the process compile stays bounded.
    /// </para>
    /// </summary>
    internal sealed class ListQueries(int capacity)
    {
        private readonly ConcurrentDictionary<(Shape Shape, int Limit), TicketListQuery> _compiled = new();

        /// <summary>How many queries are compiled (for tests).</summary>
        public int Count => _compiled.Count;

        public TicketListQuery For(TicketListFilter filter, bool withItems)
        {
            var shape = TicketList.ShapeOf(filter) | (withItems ? Shape.Items : 0);
            // Limit 0 stands for "a parameter" (a page always reads at least one row); it exists only once the capacity
            // is reached, so a size not compiled by then goes straight to it (Count locks the whole dictionary).
            if (_compiled.TryGetValue((shape, filter.Take), out var query) || _compiled.TryGetValue((shape, 0), out query))
                return query;
            var key = _compiled.Count < capacity ? (shape, filter.Take) : (shape, 0);
            return _compiled.GetOrAdd(key, static key => TicketList.Compile(key.Shape, key.Limit == 0 ? null : key.Limit));
        }
    }

    /// <summary>How the list's queries are built (<see cref="ListQueries"/> keeps them).</summary>
    private static class TicketList
    {
        private static readonly ParameterExpression Context = Expression.Parameter(typeof(ServiceDeskDbContext), "context");
        private static readonly ParameterExpression Kind = Expression.Parameter(typeof(TicketKind), "kind");
        private static readonly ParameterExpression CustomerId = Expression.Parameter(typeof(Guid), "customerId");
        private static readonly ParameterExpression Status = Expression.Parameter(typeof(TicketStatus), "status");
        private static readonly ParameterExpression Priority = Expression.Parameter(typeof(Priority), "priority");
        private static readonly ParameterExpression ProductLine = Expression.Parameter(typeof(string), "productLine");
        private static readonly ParameterExpression Group = Expression.Parameter(typeof(string), "group");
        private static readonly ParameterExpression Assignee = Expression.Parameter(typeof(string), "assignee");
        private static readonly ParameterExpression OpenedFrom = Expression.Parameter(typeof(DateTimeOffset), "openedFrom");
        private static readonly ParameterExpression OpenedTo = Expression.Parameter(typeof(DateTimeOffset), "openedTo");
        private static readonly ParameterExpression AfterOpenedAt = Expression.Parameter(typeof(DateTimeOffset), "afterOpenedAt");
        private static readonly ParameterExpression AfterNumber = Expression.Parameter(typeof(string), "afterNumber");
        private static readonly ParameterExpression Take = Expression.Parameter(typeof(int), "take");

        /// <summary>A ticket's id and version (<see cref="TicketListItems"/> gives its item).</summary>
        private static readonly Expression<Func<Ticket, ListedTicket>> IdAndVersion = t => new ListedTicket(t.Id, t.Version, null);

        /// <summary>A ticket's item (the list projection) and nothing else: a page after a cursor keeps nothing.</summary>
        private static readonly Expression<Func<Ticket, ListedTicket>> ItemOnly = WithListItem((t, item) => new ListedTicket(Guid.Empty, 0, item));

        /// <summary>A ticket's id, version and item, to be kept (first pages read with their items, tickets by id).</summary>
        private static readonly Expression<Func<Ticket, ListedTicket>> Versioned = WithListItem((t, item) => new ListedTicket(t.Id, t.Version, item));

        public static Shape ShapeOf(TicketListFilter filter) =>
            (filter.CustomerId is null ? 0 : Shape.Customer)
            | (filter.Status is null ? 0 : Shape.Status)
            | (filter.Priority is null ? 0 : Shape.Priority)
            | (filter.ProductLine is null ? 0 : Shape.ProductLine)
            | (filter.Group is null ? 0 : Shape.Group)
            | (filter.Assignee is null ? 0 : Shape.Assignee)
            | (filter.Breached switch { true => Shape.Breached, false => Shape.NotBreached, null => 0 })
            | (filter.OpenedFrom is null ? 0 : Shape.OpenedFrom)
            | (filter.OpenedTo is null ? 0 : Shape.OpenedTo)
            | (filter.After is null ? 0 : Shape.After);

        /// <summary>The query of <paramref name="shape"/>; its LIMIT is <paramref name="limit"/>, or the take parameter when null.</summary>
        public static TicketListQuery Compile(Shape shape, int? limit)
        {
            Expression query = Body((ServiceDeskDbContext context, TicketKind kind) => context.Set<Ticket>().AsNoTracking().Where(t => t.Kind == kind), Context, Kind);
            if (shape.HasFlag(Shape.Customer))
                query = Where(query, (Ticket t, Guid customerId) => t.CustomerId == customerId, CustomerId);
            if (shape.HasFlag(Shape.Status))
                query = Where(query, (Ticket t, TicketStatus status) => t.Status == status, Status);
            if (shape.HasFlag(Shape.Priority))
                query = Where(query, (Ticket t, Priority priority) => t.Priority == priority, Priority);
            if (shape.HasFlag(Shape.ProductLine))
                query = Where(query, (Ticket t, string productLine) => t.ProductLineCode == productLine, ProductLine);
            if (shape.HasFlag(Shape.Group))
                query = Where(query, (Ticket t, string group) => t.AssignmentGroup == group, Group);
            if (shape.HasFlag(Shape.Assignee))
                query = Where(query, (Ticket t, string assignee) => t.Assignee == assignee, Assignee);
            if (shape.HasFlag(Shape.Breached))
                query = Where(query, t => t.Response.State == SlaClockState.Breached || t.Resolution.State == SlaClockState.Breached);
            if (shape.HasFlag(Shape.NotBreached))
                query = Where(query, t => t.Response.State != SlaClockState.Breached && t.Resolution.State != SlaClockState.Breached);
            if (shape.HasFlag(Shape.OpenedFrom))
                query = Where(query, (Ticket t, DateTimeOffset from) => t.OpenedAt >= from, OpenedFrom);
            if (shape.HasFlag(Shape.OpenedTo))
                query = Where(query, (Ticket t, DateTimeOffset to) => t.OpenedAt < to, OpenedTo);
            if (shape.HasFlag(Shape.After))
            {
                query = Body((IQueryable<Ticket> tickets, DateTimeOffset openedAt, string number) =>
                        tickets.Where(t => t.OpenedAt < openedAt || (t.OpenedAt == openedAt && string.Compare(t.Number, number) < 0)),
                    query, AfterOpenedAt, AfterNumber);
            }

            var listed = !shape.HasFlag(Shape.Items) ? IdAndVersion : shape.HasFlag(Shape.After) ? ItemOnly : Versioned;
            query = Body((IQueryable<Ticket> tickets, int take) =>
                    tickets.OrderByDescending(t => t.OpenedAt).ThenByDescending(t => t.Number).Take(take),
                query, limit is { } rows ? Expression.Constant(rows) : Take);
            query = Select(query, listed);
            return EF.CompileAsyncQuery(
                Expression.Lambda<Func<ServiceDeskDbContext, TicketKind, Guid, TicketStatus, Priority, string, string, string,
                    DateTimeOffset, DateTimeOffset, DateTimeOffset, string, int, IQueryable<ListedTicket>>>(
                    query, Context, Kind, CustomerId, Status, Priority, ProductLine, Group, Assignee, OpenedFrom, OpenedTo, AfterOpenedAt, AfterNumber, Take));
        }

        /// <summary>Tickets by id with their ids, versions and items: <c>WHERE Id IN (...)</c> and <see cref="Versioned"/>.</summary>
        public static Func<ServiceDeskDbContext, Guid[], IAsyncEnumerable<ListedTicket>> CompileById()
        {
            Expression<Func<ServiceDeskDbContext, Guid[], IQueryable<Ticket>>> tickets =
                (context, ids) => context.Set<Ticket>().AsNoTracking().Where(t => ids.Contains(t.Id));
            return EF.CompileAsyncQuery(Expression.Lambda<Func<ServiceDeskDbContext, Guid[], IQueryable<ListedTicket>>>(
                Select(tickets.Body, Versioned), tickets.Parameters));
        }

        /// <summary>A selector from a template of a ticket and its list item, the list projection inlined for the item.</summary>
        private static Expression<Func<Ticket, ListedTicket>> WithListItem(Expression<Func<Ticket, TicketListItem, ListedTicket>> template)
        {
            var ticket = TicketMapper.ListItemProjection.Parameters[0];
            return Expression.Lambda<Func<Ticket, ListedTicket>>(Body(template, ticket, TicketMapper.ListItemProjection.Body), ticket);
        }

        private static MethodCallExpression Select(Expression query, Expression<Func<Ticket, ListedTicket>> selector) =>
            Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Ticket), typeof(ListedTicket)], query, Expression.Quote(selector));

        /// <summary><paramref name="query"/>.Where(predicate), the predicate's second parameter being the compiled query's <paramref name="argument"/>.</summary>
        private static MethodCallExpression Where<TArgument>(Expression query, Expression<Func<Ticket, TArgument, bool>> predicate, ParameterExpression argument) =>
            Where(query, Expression.Lambda<Func<Ticket, bool>>(
                ReplacingExpressionVisitor.Replace(predicate.Parameters[1], argument, predicate.Body), predicate.Parameters[0]));

        private static MethodCallExpression Where(Expression query, Expression<Func<Ticket, bool>> predicate) =>
            Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(Ticket)], query, Expression.Quote(predicate));

        /// <summary>A template's body with its parameters replaced by the given expressions, in order.</summary>
        private static Expression Body(LambdaExpression template, params Expression[] arguments)
        {
            var body = template.Body;
            for (var i = 0; i < arguments.Length; i++)
                body = ReplacingExpressionVisitor.Replace(template.Parameters[i], arguments[i], body);
            return body;
        }
    }

    [Flags]
    private enum Shape
    {
        Customer = 1,
        Status = 1 << 1,
        Priority = 1 << 2,
        ProductLine = 1 << 3,
        Group = 1 << 4,
        Assignee = 1 << 5,
        Breached = 1 << 6,
        NotBreached = 1 << 7,
        OpenedFrom = 1 << 8,
        OpenedTo = 1 << 9,
        After = 1 << 10,

        /// <summary>Not a filter: the query reads each ticket's item too (with its id and version on a first page, to be kept).</summary>
        Items = 1 << 11,
    }
}
