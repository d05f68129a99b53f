using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Customers.Queries;

/// <summary>Which service level a ticket of the customer on the product would get now, or why none (no product: the customer's default level).</summary>
public sealed record GetEntitlementQuery(Guid CustomerId, string? Product) : IQuery<Entitlement>;

public sealed class GetEntitlementQueryValidator : AbstractValidator<GetEntitlementQuery>
{
    public GetEntitlementQueryValidator() =>
        RuleFor(q => q.Product!).MustBeCode().When(q => q.Product is not null).OverridePropertyName("product");
}

internal sealed class GetEntitlementHandler(IServiceDeskDbContext db, ICurrentUser currentUser, IEntitlementResolver resolver, TimeProvider clock)
    : IQueryHandler<GetEntitlementQuery, Entitlement>
{
    public async ValueTask<Entitlement> Handle(GetEntitlementQuery query, CancellationToken cancellationToken)
    {
        currentUser.EnsureCanSee(query.CustomerId);
        if (!await db.Customers.AnyAsync(c => c.Id == query.CustomerId, cancellationToken))
            throw new NotFoundException("Customer", query.CustomerId);
        return await resolver.ResolveAsync(query.CustomerId, query.Product, clock.GetUtcNow(), cancellationToken);
    }
}
