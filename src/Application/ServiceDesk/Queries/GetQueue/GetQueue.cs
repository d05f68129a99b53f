using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceDesk.Queries;

/// <summary>Open incidents and service requests, soonest breach first (already breached at the top).</summary>
public sealed record GetQueueQuery(string? Group, Priority? Priority, PageRequest Page) : IQuery<Page<DeskTicketSummary>>;

public sealed class GetQueueQueryValidator : AbstractValidator<GetQueueQuery>
{
    public GetQueueQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class GetQueueHandler(IServiceDeskDbContext db, ICurrentUser user) : IQueryHandler<GetQueueQuery, Page<DeskTicketSummary>>
{
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
            .Select(ServiceDeskAccess.TicketSummary)
            .ToPageAsync(query.Page.Size, s => new QueueCursor(s.DueAt ?? Ticket.NotDue, s.Number), cancellationToken);
        return new Page<DeskTicketSummary>(page.Items.Select(s => s.WithLinks()).ToList(), page.NextCursor);
    }

    private sealed record QueueCursor(DateTimeOffset DueAt, string Number);
}
