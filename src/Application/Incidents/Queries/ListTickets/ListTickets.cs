using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Incidents.Queries;

/// <summary>Incidents or service requests as list items, newest first, with the filters of api.md.</summary>
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
    PageRequest Page) : IQuery<Page<TicketListItem>>;

public sealed class ListTicketsQueryValidator : AbstractValidator<ListTicketsQuery>
{
    public ListTicketsQueryValidator()
    {
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.OpenedTo).GreaterThan(q => q.OpenedFrom).When(q => q.OpenedFrom.HasValue && q.OpenedTo.HasValue)
            .WithMessage("'openedTo' must be after 'openedFrom'.");
    }
}

/// <summary>
/// Runs through <see cref="ITicketReader.ListAsync"/>: one precompiled query per combination of filters and page size, since the
/// list is the heaviest read clients poll (building and hashing the projection per call cost a quarter of it). Items are
/// <see cref="TicketListItem"/>s, not whole tickets: 17 fields instead of the ticket's 35 (two of them objects, the
/// contact and the rating), which raised the pages served per second by about a third (issue 14).
/// </summary>
internal sealed class ListTicketsHandler(ITicketReader reader, ICurrentUser user) : IQueryHandler<ListTicketsQuery, Page<TicketListItem>>
{
    public async ValueTask<Page<TicketListItem>> Handle(ListTicketsQuery query, CancellationToken cancellationToken)
    {
        if (!user.TryVisibleCustomer(query.CustomerId, out var customerId))
            return new Page<TicketListItem>([], null);

        var after = Cursor.Decode<TicketCursor>(query.Page.Cursor);
        var rows = await reader.ListAsync(
            new TicketListFilter(
                query.Kind,
                customerId,
                query.Status,
                query.Priority,
                Blank(query.ProductLine),
                Blank(query.Group),
                Blank(query.Assignee),
                query.Breached,
                query.OpenedFrom?.ToUniversalTime(),
                query.OpenedTo?.ToUniversalTime(),
                after is null ? null : (after.OpenedAt, after.Number),
                query.Page.Size + 1),
            cancellationToken);
        return rows.ToPage(query.Page.Size, t => new TicketCursor(t.OpenedAt, t.Number));
    }

    /// <summary>A blank text filter is no filter.</summary>
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed record TicketCursor(DateTimeOffset OpenedAt, string Number);
}
