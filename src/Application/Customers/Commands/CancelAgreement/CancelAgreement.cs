using Mediator;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Customers.Commands;

/// <summary>Ends an agreement at once (Active or Future ones only).</summary>
public sealed record CancelAgreementCommand(Guid CustomerId, Guid AgreementId, string? IfMatch) : ICommand<AgreementResponse>;

internal sealed class CancelAgreementHandler(IServiceDeskDbContext db, ICustomerAgreementsLookup lookup, TimeProvider clock)
    : ICommandHandler<CancelAgreementCommand, AgreementResponse>
{
    public async ValueTask<AgreementResponse> Handle(CancelAgreementCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var agreement = await db.LoadAgreementForUpdateAsync(command.CustomerId, command.AgreementId, command.IfMatch, now, cancellationToken);
        agreement.Cancel(now);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(agreement.CustomerId);
        return agreement.ToResponse(now);
    }
}
