using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Application.Customers.Queries;

/// <summary>A customer's agreements ordered by start of validity, optionally only those with a status as of now.</summary>
public sealed record ListAgreementsQuery(Guid CustomerId, AgreementStatus? Status, PageRequest Page) : IQuery<Page<AgreementResponse>>;

public sealed class ListAgreementsQueryValidator : AbstractValidator<ListAgreementsQuery>
{
    public ListAgreementsQueryValidator() =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListAgreementsHandler(IServiceDeskDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListAgreementsQuery, Page<AgreementResponse>>
{
    public async ValueTask<Page<AgreementResponse>> Handle(ListAgreementsQuery query, CancellationToken cancellationToken)
    {
        currentUser.EnsureCanSee(query.CustomerId);
        if (!await db.Customers.AnyAsync(c => c.Id == query.CustomerId, cancellationToken))
            throw new NotFoundException("Customer", query.CustomerId);

        var now = clock.GetUtcNow();
        var agreements = WithStatus(db.Agreements.AsNoTracking().Where(a => a.CustomerId == query.CustomerId), query.Status, now);
        if (Cursor.Decode<AgreementCursor>(query.Page.Cursor) is { } after)
        {
            agreements = agreements.Where(a => a.ValidFrom > after.ValidFrom
                || (a.ValidFrom == after.ValidFrom && string.Compare(a.SortKey, after.SortKey) > 0));
        }

        var page = await agreements.OrderBy(a => a.ValidFrom).ThenBy(a => a.SortKey).ProjectToRow()
            .ToPageAsync(query.Page.Size, r => new AgreementCursor(r.ValidFrom, r.SortKey), cancellationToken);
        return new Page<AgreementResponse>(page.Items.Select(r => r.ToResponse(now)).ToList(), page.NextCursor);
    }

    /// <summary>The status filter in SQL, mirroring <see cref="Agreement.StatusAt(DateTimeOffset, DateTimeOffset?, DateTimeOffset?, DateTimeOffset)"/>.</summary>
    private static IQueryable<Agreement> WithStatus(IQueryable<Agreement> agreements, AgreementStatus? status, DateTimeOffset now)
    {
        if (status is null)
            return agreements;
        if (status == AgreementStatus.Cancelled)
            return agreements.Where(a => a.CancelledAt != null && a.CancelledAt <= now);

        var notCancelled = agreements.Where(a => a.CancelledAt == null || a.CancelledAt > now);
        return status switch
        {
            AgreementStatus.Future => notCancelled.Where(a => a.ValidFrom > now),
            AgreementStatus.Expired => notCancelled.Where(a => a.ValidFrom <= now && a.ValidTo != null && a.ValidTo <= now),
            _ => notCancelled.Where(a => a.ValidFrom <= now && (a.ValidTo == null || a.ValidTo > now)),
        };
    }

    private sealed record AgreementCursor(DateTimeOffset ValidFrom, string SortKey);
}
