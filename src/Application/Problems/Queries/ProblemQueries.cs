using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Application.Problems.Queries;

public sealed record GetProblemQuery(string Number) : IQuery<ProblemResponse>;

/// <summary>Problems, newest first, filtered by status and product.</summary>
public sealed record ListProblemsQuery(ProblemStatus? Status, string? ProductCode, PageRequest Page) : IQuery<Page<ProblemResponse>>;

public sealed record ListProblemHistoryQuery(string Number, PageRequest Page) : IQuery<Page<HistoryResponse>>;

public sealed class ListProblemsQueryValidator : AbstractValidator<ListProblemsQuery>
{
    public ListProblemsQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

public sealed class ListProblemHistoryQueryValidator : AbstractValidator<ListProblemHistoryQuery>
{
    public ListProblemHistoryQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ProblemQueriesHandler(IServiceDeskDbContext db)
    : IQueryHandler<GetProblemQuery, ProblemResponse>,
      IQueryHandler<ListProblemsQuery, Page<ProblemResponse>>,
      IQueryHandler<ListProblemHistoryQuery, Page<HistoryResponse>>
{
    public async ValueTask<ProblemResponse> Handle(GetProblemQuery query, CancellationToken cancellationToken)
    {
        var problem = await db.Problems.AsNoTracking().Where(p => p.Number == query.Number).ProjectToResponse().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Problem", query.Number);
        return await db.WithIncidentsAsync(problem, cancellationToken);
    }

    public async ValueTask<Page<ProblemResponse>> Handle(ListProblemsQuery query, CancellationToken cancellationToken)
    {
        var problems = db.Problems.AsNoTracking();
        if (query.Status is { } status)
            problems = problems.Where(p => p.Status == status);
        if (!string.IsNullOrWhiteSpace(query.ProductCode))
            problems = problems.Where(p => p.ProductCode == query.ProductCode);
        if (Cursor.Decode<ProblemCursor>(query.Page.Cursor) is { } after)
            problems = problems.Where(p => p.CreatedAt < after.CreatedAt || (p.CreatedAt == after.CreatedAt && string.Compare(p.Number, after.Number) < 0));

        var page = await problems.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Number)
            .ProjectToResponse()
            .ToPageAsync(query.Page.Size, p => new ProblemCursor(p.CreatedAt, p.Number), cancellationToken);
        var incidents = await db.LinkedIncidentsAsync(page.Items.Where(p => p.IncidentCount > 0).Select(p => p.Number).ToList(), cancellationToken);
        return page with { Items = [.. page.Items.Select(p => p with { Incidents = [.. incidents[p.Number]] })] };
    }

    public async ValueTask<Page<HistoryResponse>> Handle(ListProblemHistoryQuery query, CancellationToken cancellationToken)
    {
        var problemId = await db.Problems.AsNoTracking().Where(p => p.Number == query.Number).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Problem", query.Number);
        var history = db.ProblemHistory.AsNoTracking().Where(h => h.OwnerId == problemId);
        if (Cursor.Decode<long?>(query.Page.Cursor) is { } sequence)
            history = history.Where(h => h.Sequence > sequence);
        return await history.OrderBy(h => h.Sequence).ProjectToResponse()
            .ToPageAsync(query.Page.Size, h => (long?)h.Sequence, cancellationToken);
    }

    private sealed record ProblemCursor(DateTimeOffset CreatedAt, string Number);
}
