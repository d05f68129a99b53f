using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;

namespace ServiceDesk.Application.Changes.Queries;

/// <summary>
/// Freeze periods by start. <c>customerId</c>: those that apply to the customer (its own and the global ones);
/// <c>from</c>: those still running at or after it (ending after it).
/// </summary>
public sealed record ListFreezePeriodsQuery(Guid? CustomerId, DateTimeOffset? From, PageRequest Page) : IQuery<Page<FreezePeriodResponse>>;

public sealed class ListFreezePeriodsQueryValidator : AbstractValidator<ListFreezePeriodsQuery>
{
    public ListFreezePeriodsQueryValidator() => RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListFreezePeriodsHandler(IServiceDeskDbContext db) : IQueryHandler<ListFreezePeriodsQuery, Page<FreezePeriodResponse>>
{
    public async ValueTask<Page<FreezePeriodResponse>> Handle(ListFreezePeriodsQuery query, CancellationToken cancellationToken)
    {
        var freezes = db.FreezePeriods.AsNoTracking();
        if (query.CustomerId is { } customerId)
            freezes = freezes.Where(f => f.CustomerId == null || f.CustomerId == customerId);
        if (query.From is { } from)
        {
            var at = from.ToUniversalTime();
            freezes = freezes.Where(f => f.End > at);
        }

        if (Cursor.Decode<FreezeCursor>(query.Page.Cursor) is { } after)
            freezes = freezes.Where(f => f.Start > after.Start || (f.Start == after.Start && string.Compare(f.Id, after.Id) > 0));

        return await freezes.OrderBy(f => f.Start).ThenBy(f => f.Id)
            .ProjectToResponse()
            .ToPageAsync(query.Page.Size, f => new FreezeCursor(f.Start, f.Id), cancellationToken);
    }

    private sealed record FreezeCursor(DateTimeOffset Start, string Id);
}
