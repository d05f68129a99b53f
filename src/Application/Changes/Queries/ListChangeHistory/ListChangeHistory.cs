using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;

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
        return await db.ChangeHistory.PageAsync(changeId, query.Page, cancellationToken);
    }
}
