using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Application.Customers.Queries;

/// <summary>One of a customer's agreements, its status as of now.</summary>
public sealed record GetAgreementQuery(Guid CustomerId, Guid AgreementId) : IQuery<AgreementResponse>;

internal sealed class GetAgreementHandler(IServiceDeskDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetAgreementQuery, AgreementResponse>
{
    public async ValueTask<AgreementResponse> Handle(GetAgreementQuery query, CancellationToken cancellationToken)
    {
        currentUser.EnsureCanSee(query.CustomerId);
        var row = await db.Agreements.AsNoTracking()
            .Where(a => a.Id == query.AgreementId && a.CustomerId == query.CustomerId)
            .ProjectToRow()
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Agreement", query.AgreementId);
        return row.ToResponse(clock.GetUtcNow());
    }
}
