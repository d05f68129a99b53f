using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Incidents;

namespace ServiceDesk.Application.Changes.Queries;

/// <summary>Every step of a change, oldest first.</summary>
public sealed record ListChangeHistoryQuery(string Number, PageRequest Page) : IQuery<Page<HistoryResponse>>;

public sealed class ListChangeHistoryQueryValidator : AbstractValidator<ListChangeHistoryQuery>
{
    public ListChangeHistoryQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListChangeHistoryHandler(IServiceDeskDbContext db) : IQueryHandler<ListChangeHistoryQuery, Page<HistoryResponse>>
{
    public async ValueTask<Page<HistoryResponse>> Handle(ListChangeHistoryQuery query, CancellationToken cancellationToken)
    {
        var changeId = await db.Changes.AsNoTracking().Where(c => c.Number == query.Number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Change", query.Number);
        var history = db.ChangeHistory.AsNoTracking().Where(h => h.OwnerId == changeId);
        if (Cursor.Decode<long?>(query.Page.Cursor) is { } sequence)
            history = history.Where(h => h.Sequence > sequence);
        return await history.OrderBy(h => h.Sequence).ProjectToResponse()
            .ToPageAsync(query.Page.Size, h => (long?)h.Sequence, cancellationToken);
    }
}
