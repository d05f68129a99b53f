using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;

namespace ServiceDesk.Application.Problems.Queries;

/// <summary>Every step of a problem, oldest first.</summary>
public sealed record ListProblemHistoryQuery(string Number, PageRequest Page) : IQuery<Page<HistoryResponse>>;

public sealed class ListProblemHistoryQueryValidator : AbstractValidator<ListProblemHistoryQuery>
{
    public ListProblemHistoryQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListProblemHistoryHandler(IServiceDeskDbContext db) : IQueryHandler<ListProblemHistoryQuery, Page<HistoryResponse>>
{
    public async ValueTask<Page<HistoryResponse>> Handle(ListProblemHistoryQuery query, CancellationToken cancellationToken)
    {
        var problemId = await db.Problems.AsNoTracking().Where(p => p.Number == query.Number).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Problem", query.Number);
        return await db.ProblemHistory.PageAsync(problemId, query.Page, cancellationToken);
    }
}
