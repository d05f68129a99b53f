using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceDesk.Queries;

/// <summary>Any record the desk took in, whatever its kind, as one summary shape.</summary>
/// <param name="Number" example="INC000042">Its number.</param>
/// <param name="Kind" example="incident">incident, serviceRequest or change.</param>
/// <param name="Status" example="InProgress">Its state (state names as in the domain).</param>
/// <param name="Priority" example="P2">Null for a change.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Summary" example="Core switch in building B is down">One line.</param>
/// <param name="AssignmentGroup" example="Infrastructure">Null for a change.</param>
/// <param name="ExternalReference" example="ACME-7781">The caller's own reference.</param>
/// <param name="OpenedAt">When the desk accepted it.</param>
/// <param name="DueAt">The earliest due time of a clock still counting (the queue's order); null when none.</param>
/// <param name="Links">Where to follow it up.</param>
public sealed record DeskTicketSummary(
    string Number,
    TicketKind Kind,
    string Status,
    Priority? Priority,
    Guid? CustomerId,
    string Summary,
    string? AssignmentGroup,
    string? ExternalReference,
    DateTimeOffset OpenedAt,
    DateTimeOffset? DueAt,
    IReadOnlyDictionary<string, string> Links);

/// <summary>Any ticket by number: an incident, a service request or a change.</summary>
public sealed record GetDeskTicketQuery(string Number) : IQuery<DeskTicketSummary>;

/// <summary>Tickets of every kind carrying the caller's reference, newest first.</summary>
public sealed record FindByExternalReferenceQuery(string? ExternalReference, PageRequest Page) : IQuery<Page<DeskTicketSummary>>;

/// <summary>Open incidents and service requests, soonest breach first (already breached at the top).</summary>
public sealed record GetQueueQuery(string? Group, Priority? Priority, PageRequest Page) : IQuery<Page<DeskTicketSummary>>;

public sealed class FindByExternalReferenceQueryValidator : AbstractValidator<FindByExternalReferenceQuery>
{
    public FindByExternalReferenceQueryValidator()
    {
        RuleFor(q => q.ExternalReference).NotEmpty().MaximumLength(100).OverridePropertyName("externalReference")
            .WithMessage("'externalReference' is required: give the reference your system sent at intake.");
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class GetQueueQueryValidator : AbstractValidator<GetQueueQuery>
{
    public GetQueueQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class DeskQueriesHandler(IServiceDeskDbContext db, ICurrentUser user)
    : IQueryHandler<GetDeskTicketQuery, DeskTicketSummary>,
      IQueryHandler<FindByExternalReferenceQuery, Page<DeskTicketSummary>>,
      IQueryHandler<GetQueueQuery, Page<DeskTicketSummary>>
{
    public async ValueTask<DeskTicketSummary> Handle(GetDeskTicketQuery query, CancellationToken cancellationToken)
    {
        var found = query.Number.StartsWith("CHG", StringComparison.Ordinal)
            ? await Changes().Where(c => c.Number == query.Number).Select(ChangeSummary).FirstOrDefaultAsync(cancellationToken)
            : await db.Tickets.AsNoTracking().Visible(user).Where(t => t.Number == query.Number).Select(TicketSummary).FirstOrDefaultAsync(cancellationToken);
        return found is null
            ? throw new NotFoundException("Ticket", query.Number)
            : found with { Links = TicketLinks.For(found.Number, found.Kind) };
    }

    public async ValueTask<Page<DeskTicketSummary>> Handle(FindByExternalReferenceQuery query, CancellationToken cancellationToken)
    {
        var reference = query.ExternalReference!;
        var size = query.Page.Size;
        var after = Cursor.Decode<DeskCursor>(query.Page.Cursor);

        // Keyset over the union of two tables: each side yields at most a page past the cursor, merged in memory.
        var tickets = db.Tickets.AsNoTracking().Visible(user).Where(t => t.ExternalReference == reference);
        var changes = Changes().Where(c => c.ExternalReference == reference);
        if (after is not null)
        {
            tickets = tickets.Where(t => t.OpenedAt < after.OpenedAt || (t.OpenedAt == after.OpenedAt && string.Compare(t.Number, after.Number) < 0));
            changes = changes.Where(c => c.CreatedAt < after.OpenedAt || (c.CreatedAt == after.OpenedAt && string.Compare(c.Number, after.Number) < 0));
        }

        var fromTickets = await tickets.OrderByDescending(t => t.OpenedAt).ThenByDescending(t => t.Number).Take(size + 1).Select(TicketSummary).ToListAsync(cancellationToken);
        var fromChanges = await changes.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Number).Take(size + 1).Select(ChangeSummary).ToListAsync(cancellationToken);
        var merged = fromTickets.Concat(fromChanges)
            .OrderByDescending(s => s.OpenedAt).ThenByDescending(s => s.Number, StringComparer.Ordinal)
            .Take(size + 1)
            .Select(s => s with { Links = TicketLinks.For(s.Number, s.Kind) })
            .ToList();
        if (merged.Count <= size)
            return new Page<DeskTicketSummary>(merged, null);
        merged.RemoveAt(merged.Count - 1);
        return new Page<DeskTicketSummary>(merged, Cursor.Encode(new DeskCursor(merged[^1].OpenedAt, merged[^1].Number)));
    }

    public async ValueTask<Page<DeskTicketSummary>> Handle(GetQueueQuery query, CancellationToken cancellationToken)
    {
        var open = db.Tickets.AsNoTracking().Visible(user).Where(t => t.IsOpenFlag);
        if (!string.IsNullOrWhiteSpace(query.Group))
            open = open.Where(t => t.AssignmentGroup == query.Group);
        if (query.Priority is { } priority)
            open = open.Where(t => t.Priority == priority);
        if (Cursor.Decode<QueueCursor>(query.Page.Cursor) is { } after)
            open = open.Where(t => t.QueueDueAt > after.DueAt || (t.QueueDueAt == after.DueAt && string.Compare(t.Number, after.Number) > 0));

        var page = await open.OrderBy(t => t.QueueDueAt).ThenBy(t => t.Number)
            .Select(TicketSummary)
            .ToPageAsync(query.Page.Size, s => new QueueCursor(s.DueAt ?? Ticket.NotDue, s.Number), cancellationToken);
        return new Page<DeskTicketSummary>(
            page.Items.Select(s => s with { Links = TicketLinks.For(s.Number, s.Kind) }).ToList(),
            page.NextCursor);
    }

    private IQueryable<Change> Changes()
    {
        var changes = db.Changes.AsNoTracking();
        if (user.IsCustomerOnly)
        {
            var customerId = user.CustomerId ?? Guid.Empty;
            changes = changes.Where(c => c.CustomerId == customerId);
        }

        return changes;
    }

    // Links are filled in after the query (they are not data): the projections leave them null.
    private static readonly System.Linq.Expressions.Expression<Func<Ticket, DeskTicketSummary>> TicketSummary = t =>
        new DeskTicketSummary(t.Number, t.Kind, t.Status.ToString(), t.Priority, t.CustomerId, t.Summary, t.AssignmentGroup, t.ExternalReference, t.OpenedAt,
            t.QueueDueAt == Ticket.NotDue ? null : t.QueueDueAt, null!);

    private static readonly System.Linq.Expressions.Expression<Func<Change, DeskTicketSummary>> ChangeSummary = c =>
        new DeskTicketSummary(c.Number, TicketKind.Change, c.Status.ToString(), null, c.CustomerId, c.Summary, null, c.ExternalReference, c.CreatedAt, null, null!);

    private sealed record DeskCursor(DateTimeOffset OpenedAt, string Number);

    private sealed record QueueCursor(DateTimeOffset DueAt, string Number);
}
