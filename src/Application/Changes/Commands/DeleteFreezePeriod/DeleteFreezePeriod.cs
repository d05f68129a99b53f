using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>Lifts a freeze period (managers only).</summary>
public sealed record DeleteFreezePeriodCommand(string Id) : ICommand;

internal sealed class DeleteFreezePeriodHandler(IServiceDeskDbContext db) : ICommandHandler<DeleteFreezePeriodCommand>
{
    public async ValueTask<Unit> Handle(DeleteFreezePeriodCommand command, CancellationToken cancellationToken)
    {
        var id = ChangeAccess.NormaliseFreezePeriodId(command.Id);
        var freeze = await db.FreezePeriods.FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new NotFoundException("Freeze period", command.Id);
        db.FreezePeriods.Remove(freeze);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
