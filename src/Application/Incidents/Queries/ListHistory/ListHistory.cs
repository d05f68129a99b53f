using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Queries;

/// <summary>A ticket's history in order; a Customer caller does not see internal entries.</summary>
public sealed record ListHistoryQuery(TicketKind Kind, string Number, PageRequest Page) : IQuery<Page<HistoryResponse>>;

public sealed class ListHistoryQueryValidator : AbstractValidator<ListHistoryQuery>
{
    public ListHistoryQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListHistoryHandler(IServiceDeskDbContext db, ICurrentUser user) : IQueryHandler<ListHistoryQuery, Page<HistoryResponse>>
{
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
}
