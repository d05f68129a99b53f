using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Incidents.Queries;

public sealed record GetTicketQuery(TicketKind Kind, string Number) : IQuery<TicketResponse>;

/// <summary>Incidents or service requests, newest first, with the filters of api.md.</summary>
public sealed record ListTicketsQuery(
    TicketKind Kind,
    TicketStatus? Status,
    Priority? Priority,
    Guid? CustomerId,
    string? ProductLine,
    string? Group,
    string? Assignee,
    bool? Breached,
    DateTimeOffset? OpenedFrom,
    DateTimeOffset? OpenedTo,
    PageRequest Page) : IQuery<Page<TicketResponse>>;

public sealed record ListCommentsQuery(TicketKind Kind, string Number, PageRequest Page) : IQuery<Page<CommentResponse>>;

public sealed record ListHistoryQuery(TicketKind Kind, string Number, PageRequest Page) : IQuery<Page<HistoryResponse>>;

public sealed record GetTicketSlaQuery(TicketKind Kind, string Number) : IQuery<TicketSlaResponse>;

public sealed class ListTicketsQueryValidator : AbstractValidator<ListTicketsQuery>
{
    public ListTicketsQueryValidator()
    {
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.OpenedTo).GreaterThan(q => q.OpenedFrom).When(q => q.OpenedFrom.HasValue && q.OpenedTo.HasValue)
            .WithMessage("'openedTo' must be after 'openedFrom'.");
    }
}

public sealed class ListCommentsQueryValidator : AbstractValidator<ListCommentsQuery>
{
    public ListCommentsQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

public sealed class ListHistoryQueryValidator : AbstractValidator<ListHistoryQuery>
{
    public ListHistoryQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class TicketQueriesHandler(IServiceDeskDbContext db, ICurrentUser user, ISlaContexts slaContexts, TimeProvider clock)
    : IQueryHandler<GetTicketQuery, TicketResponse>,
      IQueryHandler<ListTicketsQuery, Page<TicketResponse>>,
      IQueryHandler<ListCommentsQuery, Page<CommentResponse>>,
      IQueryHandler<ListHistoryQuery, Page<HistoryResponse>>,
      IQueryHandler<GetTicketSlaQuery, TicketSlaResponse>
{
    public async ValueTask<TicketResponse> Handle(GetTicketQuery query, CancellationToken cancellationToken)
    {
        // The hottest read of the API: a precompiled query skips EF's per-call translation-cache lookup.
        var ticket = await TicketByNumber((DbContext)db, query.Number, query.Kind);
        return ticket is not null && (!user.IsCustomerOnly || ticket.CustomerId == user.CustomerId)
            ? ticket
            : throw new NotFoundException(TicketAccess.Noun(query.Kind), query.Number);
    }

    private static readonly Func<DbContext, string, TicketKind, Task<TicketResponse?>> TicketByNumber =
        EF.CompileAsyncQuery((DbContext context, string number, TicketKind kind) =>
            context.Set<Ticket>().AsNoTracking()
                .Where(t => t.Number == number && t.Kind == kind)
                .Select(TicketMapper.Projection)
                .FirstOrDefault());

    public async ValueTask<Page<TicketResponse>> Handle(ListTicketsQuery query, CancellationToken cancellationToken)
    {
        var tickets = db.Tickets.AsNoTracking().Visible(user).Where(t => t.Kind == query.Kind);
        if (query.Status is { } status)
            tickets = tickets.Where(t => t.Status == status);
        if (query.Priority is { } priority)
            tickets = tickets.Where(t => t.Priority == priority);
        if (query.CustomerId is { } customerId)
            tickets = tickets.Where(t => t.CustomerId == customerId);
        if (!string.IsNullOrWhiteSpace(query.ProductLine))
            tickets = tickets.Where(t => t.ProductLineCode == query.ProductLine);
        if (!string.IsNullOrWhiteSpace(query.Group))
            tickets = tickets.Where(t => t.AssignmentGroup == query.Group);
        if (!string.IsNullOrWhiteSpace(query.Assignee))
            tickets = tickets.Where(t => t.Assignee == query.Assignee);
        if (query.Breached is { } breached)
        {
            tickets = breached
                ? tickets.Where(t => t.Response.State == SlaClockState.Breached || t.Resolution.State == SlaClockState.Breached)
                : tickets.Where(t => t.Response.State != SlaClockState.Breached && t.Resolution.State != SlaClockState.Breached);
        }

        if (query.OpenedFrom is { } from)
            tickets = tickets.Where(t => t.OpenedAt >= from.ToUniversalTime());
        if (query.OpenedTo is { } to)
            tickets = tickets.Where(t => t.OpenedAt < to.ToUniversalTime());

        if (Cursor.Decode<TicketCursor>(query.Page.Cursor) is { } after)
            tickets = tickets.Where(t => t.OpenedAt < after.OpenedAt || (t.OpenedAt == after.OpenedAt && string.Compare(t.Number, after.Number) < 0));

        return await tickets
            .OrderByDescending(t => t.OpenedAt).ThenByDescending(t => t.Number)
            .ProjectToResponse()
            .ToPageAsync(query.Page.Size, t => new TicketCursor(t.OpenedAt, t.Number), cancellationToken);
    }

    public async ValueTask<Page<CommentResponse>> Handle(ListCommentsQuery query, CancellationToken cancellationToken)
    {
        var ticketId = await db.VisibleIdAsync(user, query.Kind, query.Number, cancellationToken);
        var comments = db.TicketComments.AsNoTracking().Where(c => c.TicketId == ticketId);
        if (user.IsCustomerOnly)
            comments = comments.Where(c => c.Visibility == CommentVisibility.Public);
        var after = Cursor.Decode<long?>(query.Page.Cursor);
        if (after is { } sequence)
            comments = comments.Where(c => c.Sequence > sequence);
        return await comments.OrderBy(c => c.Sequence).ProjectToResponse()
            .ToPageAsync(query.Page.Size, c => (long?)c.Sequence, cancellationToken);
    }

    public async ValueTask<Page<HistoryResponse>> Handle(ListHistoryQuery query, CancellationToken cancellationToken)
    {
        var ticketId = await db.VisibleIdAsync(user, query.Kind, query.Number, cancellationToken);
        var history = db.TicketHistory.AsNoTracking().Where(h => h.OwnerId == ticketId);
        if (user.IsCustomerOnly)
            history = history.Where(h => !h.IsInternal);
        var after = Cursor.Decode<long?>(query.Page.Cursor);
        if (after is { } sequence)
            history = history.Where(h => h.Sequence > sequence);
        return await history.OrderBy(h => h.Sequence).ProjectToResponse()
            .ToPageAsync(query.Page.Size, h => (long?)h.Sequence, cancellationToken);
    }

    public async ValueTask<TicketSlaResponse> Handle(GetTicketSlaQuery query, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().Visible(user)
            .FirstOrDefaultAsync(t => t.Number == query.Number && t.Kind == query.Kind, cancellationToken)
            ?? throw new NotFoundException(TicketAccess.Noun(query.Kind), query.Number);
        var sla = await slaContexts.GetAsync(ticket.ServiceLevelCode, cancellationToken);
        var now = clock.GetUtcNow();
        return new TicketSlaResponse(ticket.Number, View(ticket.Response, sla.ResponseSchedule, now), View(ticket.Resolution, sla.ResolutionSchedule, now));
    }

    /// <summary>A clock as of now; a clock whose due time passed while counting reads Breached even before the monitor marks it.</summary>
    internal static SlaClockResponse View(SlaClock clock, WorkingSchedule schedule, DateTimeOffset now)
    {
        var elapsed = clock.ElapsedMinutes(now, schedule);
        var state = clock.State == SlaClockState.Running && clock.DueAt is { } due && now > due ? SlaClockState.Breached : clock.State;
        return new SlaClockResponse(
            state,
            clock.TargetMinutes,
            elapsed,
            Math.Max(0, clock.TargetMinutes - elapsed),
            clock.PausedMinutesAt(now, schedule),
            clock.Percentage(now, schedule),
            clock.ProjectedDueAt(now, schedule),
            clock.CalendarCode);
    }

    private sealed record TicketCursor(DateTimeOffset OpenedAt, string Number);
}
