using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Changes;

namespace ServiceDesk.Application.Changes.Queries;

/// <summary>Changes, newest first, filtered by status, type, customer and affected product.</summary>
public sealed record ListChangesQuery(ChangeStatus? Status, ChangeType? Type, Guid? CustomerId, string? ProductCode, PageRequest Page) : IQuery<Page<ChangeResponse>>;

public sealed class ListChangesQueryValidator : AbstractValidator<ListChangesQuery>
{
    public ListChangesQueryValidator()
    {
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.ProductCode).MaximumLength(Domain.Common.Guard.MaxCodeLength).OverridePropertyName("productCode");
    }
}

internal sealed class ListChangesHandler(IServiceDeskDbContext db, ICurrentUser user) : IQueryHandler<ListChangesQuery, Page<ChangeResponse>>
{
    public async ValueTask<Page<ChangeResponse>> Handle(ListChangesQuery query, CancellationToken cancellationToken)
    {
        var changes = db.VisibleChanges(user);
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

    private sealed record ChangeCursor(DateTimeOffset CreatedAt, string Number);
}
