using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Incidents.Queries;

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

public sealed class ListTicketsQueryValidator : AbstractValidator<ListTicketsQuery>
{
    public ListTicketsQueryValidator()
    {
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.OpenedTo).GreaterThan(q => q.OpenedFrom).When(q => q.OpenedFrom.HasValue && q.OpenedTo.HasValue)
            .WithMessage("'openedTo' must be after 'openedFrom'.");
    }
}

internal sealed class ListTicketsHandler(IServiceDeskDbContext db, ICurrentUser user, SatisfactionWeights weights) : IQueryHandler<ListTicketsQuery, Page<TicketResponse>>
{
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

        var page = await tickets
            .OrderByDescending(t => t.OpenedAt).ThenByDescending(t => t.Number)
            .ProjectToResponse()
            .ToPageAsync(query.Page.Size, t => new TicketCursor(t.OpenedAt, t.Number), cancellationToken);
        return page.Scored(weights);
    }

    private sealed record TicketCursor(DateTimeOffset OpenedAt, string Number);
}
