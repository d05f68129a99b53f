using ServiceDesk.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>Deletes a level no agreement has ever used (one in use can only be retired).</summary>
public sealed record DeleteServiceLevelCommand(string Code, string? IfMatch) : ICommand;

internal sealed class DeleteServiceLevelHandler(IServiceDeskDbContext db) : ICommandHandler<DeleteServiceLevelCommand>
{
    public async ValueTask<Unit> Handle(DeleteServiceLevelCommand command, CancellationToken cancellationToken)
    {
        var level = await db.ServiceLevels.LoadForUpdateAsync(l => l.Code == command.Code, command.IfMatch, "Service level", command.Code, cancellationToken);
        if (await db.Agreements.AnyAsync(a => a.ServiceLevelCode == level.Code, cancellationToken))
            throw InUse(level.Code);

        db.ServiceLevels.Remove(level);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // An agreement on the level was added between the check and the delete; the foreign key refused it.
            throw InUse(level.Code);
        }

        return Unit.Value;
    }

    private static ConflictException InUse(string code) =>
        new(RuleNames.ServiceLevelInUse, $"Service level {code} is used by at least one agreement; retire it instead (POST /api/v1/service-levels/{code}/retire).");
}
