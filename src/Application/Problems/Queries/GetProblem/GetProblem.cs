using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Problems.Queries;

/// <summary>One problem with its linked incidents.</summary>
public sealed record GetProblemQuery(string Number) : IQuery<ProblemResponse>;

internal sealed class GetProblemHandler(IServiceDeskDbContext db) : IQueryHandler<GetProblemQuery, ProblemResponse>
{
    public async ValueTask<ProblemResponse> Handle(GetProblemQuery query, CancellationToken cancellationToken)
    {
        var problem = await db.Problems.AsNoTracking().Where(p => p.Number == query.Number).ProjectToResponse().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Problem", query.Number);
        return await db.WithIncidentsAsync(problem, cancellationToken);
    }
}
