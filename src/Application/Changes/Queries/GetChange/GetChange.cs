using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.ServiceDesk;

namespace ServiceDesk.Application.Changes.Queries;

/// <summary>One change by number.</summary>
public sealed record GetChangeQuery(string Number) : IQuery<ChangeResponse>;

internal sealed class GetChangeHandler(IServiceDeskDbContext db, ICurrentUser user) : IQueryHandler<GetChangeQuery, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(GetChangeQuery query, CancellationToken cancellationToken) =>
        await db.VisibleChanges(user).Where(c => c.Number == query.Number).ProjectToResponse().FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Change", query.Number);
}
