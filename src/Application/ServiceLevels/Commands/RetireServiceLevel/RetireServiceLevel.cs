using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>Takes a level out of the offer: existing agreements keep it, new ones cannot choose it.</summary>
public sealed record RetireServiceLevelCommand(string Code, string? IfMatch) : ICommand<ServiceLevelResponse>;

internal sealed class RetireServiceLevelHandler(IServiceDeskDbContext db) : ICommandHandler<RetireServiceLevelCommand, ServiceLevelResponse>
{
    public async ValueTask<ServiceLevelResponse> Handle(RetireServiceLevelCommand command, CancellationToken cancellationToken)
    {
        var level = await db.ServiceLevels.LoadForUpdateAsync(l => l.Code == command.Code, command.IfMatch, "Service level", command.Code, cancellationToken);
        level.Retire();
        await db.SaveChangesAsync(cancellationToken);
        return level.ToResponse();
    }
}
