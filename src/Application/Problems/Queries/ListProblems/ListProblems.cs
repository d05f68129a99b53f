using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Application.Problems.Queries;

/// <summary>Problems, newest first, filtered by status and product.</summary>
public sealed record ListProblemsQuery(ProblemStatus? Status, string? ProductCode, PageRequest Page) : IQuery<Page<ProblemResponse>>;

public sealed class ListProblemsQueryValidator : AbstractValidator<ListProblemsQuery>
{
    public ListProblemsQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListProblemsHandler(IServiceDeskDbContext db) : IQueryHandler<ListProblemsQuery, Page<ProblemResponse>>
{
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

    private sealed record ProblemCursor(DateTimeOffset CreatedAt, string Number);
}
