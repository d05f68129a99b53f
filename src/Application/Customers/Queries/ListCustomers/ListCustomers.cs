using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Customers.Queries;

/// <summary>Customers ordered by code, optionally only active or inactive ones, or matching <c>q</c> (code or name). A Customer caller sees only its own.</summary>
public sealed record ListCustomersQuery(bool? Active, string? Q, PageRequest Page) : IQuery<Page<CustomerResponse>>;

public sealed class ListCustomersQueryValidator : AbstractValidator<ListCustomersQuery>
{
    public ListCustomersQueryValidator()
    {
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Q).MaximumLength(200).OverridePropertyName("q");
    }
}

internal sealed class ListCustomersHandler(IServiceDeskDbContext db, ICurrentUser currentUser) : IQueryHandler<ListCustomersQuery, Page<CustomerResponse>>
{
    public async ValueTask<Page<CustomerResponse>> Handle(ListCustomersQuery query, CancellationToken cancellationToken)
    {
        var customers = db.Customers.AsNoTracking();
        if (currentUser.IsCustomerOnly)
        {
            var own = currentUser.CustomerId;
            customers = customers.Where(c => c.Id == own);
        }

        if (query.Active is { } active)
            customers = customers.Where(c => c.Active == active);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLowerInvariant();
            customers = customers.Where(c => c.Code.ToLower().Contains(text) || c.Name.ToLower().Contains(text));
        }

        if (Cursor.Decode<string>(query.Page.Cursor) is { } after)
            customers = customers.Where(c => string.Compare(c.Code, after) > 0);

        var page = await customers
            .OrderBy(c => c.Code)
            .ProjectToRow()
            .ToPageAsync(query.Page.Size, c => c.Code, cancellationToken);
        return new Page<CustomerResponse>(page.Items.Select(c => c.ToResponse()).ToList(), page.NextCursor);
    }
}
