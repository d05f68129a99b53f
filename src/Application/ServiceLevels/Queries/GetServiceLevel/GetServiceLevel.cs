using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.ServiceLevels.Queries;

/// <summary>One service level by code, with its targets.</summary>
public sealed record GetServiceLevelQuery(string Code) : IQuery<ServiceLevelResponse>;

internal sealed class GetServiceLevelHandler(IServiceDeskDbContext db) : IQueryHandler<GetServiceLevelQuery, ServiceLevelResponse>
{
    public async ValueTask<ServiceLevelResponse> Handle(GetServiceLevelQuery query, CancellationToken cancellationToken)
    {
        var level = await db.ServiceLevels.AsNoTracking().FirstOrDefaultAsync(l => l.Code == query.Code, cancellationToken)
            ?? throw new NotFoundException("Service level", query.Code);
        return level.ToResponse();
    }
}
