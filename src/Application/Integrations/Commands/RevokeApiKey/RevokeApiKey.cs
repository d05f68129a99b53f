using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Integrations.Commands;

/// <summary>Revokes a key at once (revoking a revoked key changes nothing); its cached authentication is evicted either way.</summary>
public sealed record RevokeApiKeyCommand(Guid Id) : ICommand;

internal sealed class RevokeApiKeyHandler(IServiceDeskDbContext db, TimeProvider clock, IApiKeyCache cache) : ICommandHandler<RevokeApiKeyCommand>
{
    public async ValueTask<Unit> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("API key", command.Id);
        if (!key.IsRevoked)
        {
            key.Revoke(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        cache.Evict(key.Hash);
        return Unit.Value;
    }
}
