using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common;
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
        var history = user.IsCustomerOnly ? db.TicketHistory.Where(h => !h.IsInternal) : db.TicketHistory;
        return await history.PageAsync(ticketId, query.Page, cancellationToken);
    }
}
