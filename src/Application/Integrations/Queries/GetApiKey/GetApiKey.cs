using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Integrations.Queries;

/// <summary>One API key (never its secret).</summary>
public sealed record GetApiKeyQuery(Guid Id) : IQuery<ApiKeyResponse>;

internal sealed class GetApiKeyHandler(IServiceDeskDbContext db) : IQueryHandler<GetApiKeyQuery, ApiKeyResponse>
{
    public async ValueTask<ApiKeyResponse> Handle(GetApiKeyQuery query, CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking()
            .Where(k => k.Id == query.Id)
            .Select(k => new ApiKeyResponse(k.Id, k.Name, k.Roles, k.CustomerId, k.Prefix, k.CreatedAt, k.RevokedAt))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("API key", query.Id);
}
