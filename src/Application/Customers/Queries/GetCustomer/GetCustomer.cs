using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Customers.Queries;

/// <summary>One customer; another customer's id, for a Customer caller, is a 404 like a missing one.</summary>
public sealed record GetCustomerQuery(Guid Id) : IQuery<CustomerResponse>;

internal sealed class GetCustomerHandler(IServiceDeskDbContext db, ICurrentUser currentUser) : IQueryHandler<GetCustomerQuery, CustomerResponse>
{
    public async ValueTask<CustomerResponse> Handle(GetCustomerQuery query, CancellationToken cancellationToken)
    {
        currentUser.EnsureCanSee(query.Id);
        var row = await db.Customers.AsNoTracking()
            .Where(c => c.Id == query.Id)
            .ProjectToRow()
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Customer", query.Id);
        return row.ToResponse();
    }
}
