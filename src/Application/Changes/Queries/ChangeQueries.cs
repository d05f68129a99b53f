using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.Changes;

namespace ServiceDesk.Application.Changes.Queries;

public sealed record GetChangeQuery(string Number) : IQuery<ChangeResponse>;

/// <summary>Changes, newest first, filtered by status, type, customer and affected product.</summary>
public sealed record ListChangesQuery(ChangeStatus? Status, ChangeType? Type, Guid? CustomerId, string? ProductCode, PageRequest Page) : IQuery<Page<ChangeResponse>>;

public sealed record ListChangeHistoryQuery(string Number, PageRequest Page) : IQuery<Page<HistoryResponse>>;

/// <summary>
/// Scheduled or implementing changes whose windows overlap [start, end) on a product, for a customer (and global
/// changes), or for every customer when no customer is given (a global change conflicts with all of them).
/// Ordered by window start.
/// </summary>
public sealed record FindChangeConflictsQuery(string? ProductCode, Guid? CustomerId, DateTimeOffset? Start, DateTimeOffset? End, PageRequest Page)
    : IQuery<Page<ChangeConflictResponse>>;

public sealed class ListChangesQueryValidator : AbstractValidator<ListChangesQuery>
{
    public ListChangesQueryValidator()
    {
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.ProductCode).MaximumLength(Domain.Common.Guard.MaxCodeLength).OverridePropertyName("productCode");
    }
}

public sealed class ListChangeHistoryQueryValidator : AbstractValidator<ListChangeHistoryQuery>
{
    public ListChangeHistoryQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

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

internal sealed class ChangeQueriesHandler(IServiceDeskDbContext db)
    : IQueryHandler<GetChangeQuery, ChangeResponse>,
      IQueryHandler<ListChangesQuery, Page<ChangeResponse>>,
      IQueryHandler<ListChangeHistoryQuery, Page<HistoryResponse>>,
      IQueryHandler<FindChangeConflictsQuery, Page<ChangeConflictResponse>>
{
    public async ValueTask<ChangeResponse> Handle(GetChangeQuery query, CancellationToken cancellationToken) =>
        await db.Changes.AsNoTracking().Where(c => c.Number == query.Number).ProjectToResponse().FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Change", query.Number);

    public async ValueTask<Page<ChangeResponse>> Handle(ListChangesQuery query, CancellationToken cancellationToken)
    {
        var changes = db.Changes.AsNoTracking();
        if (query.Status is { } status)
            changes = changes.Where(c => c.Status == status);
        if (query.Type is { } type)
            changes = changes.Where(c => c.Type == type);
        if (query.CustomerId is { } customerId)
            changes = changes.Where(c => c.CustomerId == customerId);
        if (!string.IsNullOrWhiteSpace(query.ProductCode))
        {
            var code = query.ProductCode.Trim();
            changes = changes.Where(c => db.ChangeProducts.Any(p => p.ChangeId == c.Id && p.ProductCode == code));
        }

        if (Cursor.Decode<ChangeCursor>(query.Page.Cursor) is { } after)
            changes = changes.Where(c => c.CreatedAt < after.CreatedAt || (c.CreatedAt == after.CreatedAt && string.Compare(c.Number, after.Number) < 0));

        return await changes
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Number)
            .ProjectToResponse()
            .ToPageAsync(query.Page.Size, c => new ChangeCursor(c.CreatedAt, c.Number), cancellationToken);
    }

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

    private sealed record ChangeCursor(DateTimeOffset CreatedAt, string Number);

    private sealed record ConflictCursor(DateTimeOffset PlannedStart, string Number);
}
