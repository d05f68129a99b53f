using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Changes.Queries;

/// <summary>One freeze period by id (any spelling of its GUID).</summary>
public sealed record GetFreezePeriodQuery(string Id) : IQuery<FreezePeriodResponse>;

internal sealed class GetFreezePeriodHandler(IServiceDeskDbContext db) : IQueryHandler<GetFreezePeriodQuery, FreezePeriodResponse>
{
    public async ValueTask<FreezePeriodResponse> Handle(GetFreezePeriodQuery query, CancellationToken cancellationToken)
    {
        var id = ChangeAccess.NormaliseFreezePeriodId(query.Id);
        return await db.FreezePeriods.AsNoTracking().Where(f => f.Id == id).ProjectToResponse().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Freeze period", query.Id);
    }
}
