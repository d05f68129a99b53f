using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;

namespace ServiceDesk.Application.Changes.Queries;

/// <summary>
/// Scheduled or implementing changes whose windows overlap [start, end) on a product, for a customer (and global
/// changes), or for every customer when no customer is given (a global change conflicts with all of them).
/// Ordered by window start.
/// </summary>
public sealed record FindChangeConflictsQuery(string? ProductCode, Guid? CustomerId, DateTimeOffset? Start, DateTimeOffset? End, PageRequest Page)
    : IQuery<Page<ChangeConflictResponse>>;

public sealed class FindChangeConflictsQueryValidator : AbstractValidator<FindChangeConflictsQuery>
{
    public FindChangeConflictsQueryValidator()
    {
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.ProductCode).MustBeCode().OverridePropertyName("productCode");
        RuleFor(q => q.Start).NotNull().OverridePropertyName("start");
        RuleFor(q => q.End).NotNull().OverridePropertyName("end");
        RuleFor(q => q.End).GreaterThan(q => q.Start).When(q => q.Start.HasValue && q.End.HasValue)
            .OverridePropertyName("end").WithMessage("'end' must be after 'start'.");
    }
}

internal sealed class FindChangeConflictsHandler(IServiceDeskDbContext db) : IQueryHandler<FindChangeConflictsQuery, Page<ChangeConflictResponse>>
{
    public async ValueTask<Page<ChangeConflictResponse>> Handle(FindChangeConflictsQuery query, CancellationToken cancellationToken)
    {
        var start = query.Start!.Value.ToUniversalTime();
        var end = query.End!.Value.ToUniversalTime();
        var rows = ChangeOverlaps.Holding(db, [query.ProductCode!], query.CustomerId, start, end);
        if (Cursor.Decode<ConflictCursor>(query.Page.Cursor) is { } after)
            rows = rows.Where(p => p.PlannedStart > after.PlannedStart || (p.PlannedStart == after.PlannedStart && string.Compare(p.Number, after.Number) > 0));

        return await rows
            .OrderBy(p => p.PlannedStart).ThenBy(p => p.Number)
            .Join(db.Changes.AsNoTracking(), p => p.ChangeId, c => c.Id, (p, c) => new ChangeConflictResponse(
                c.Number, c.Summary, c.Type, c.Status, c.CustomerId, p.ProductCode, p.PlannedStart!.Value, p.PlannedEnd!.Value))
            .ToPageAsync(query.Page.Size, c => new ConflictCursor(c.PlannedStart, c.Number), cancellationToken);
    }

    private sealed record ConflictCursor(DateTimeOffset PlannedStart, string Number);
}
