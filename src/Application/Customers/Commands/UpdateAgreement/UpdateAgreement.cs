using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Customers.Commands;

/// <summary>Replaces an agreement's level, coverage and validity (a cancelled one cannot change).</summary>
public sealed record UpdateAgreementCommand(Guid CustomerId, Guid AgreementId, AgreementBody Body, string? IfMatch) : ICommand<AgreementResponse>;

public sealed class UpdateAgreementCommandValidator : AbstractValidator<UpdateAgreementCommand>
{
    public UpdateAgreementCommandValidator() => RuleFor(c => c.Body).SetValidator(new AgreementBodyValidator());
}

internal sealed class UpdateAgreementHandler(IServiceDeskDbContext db, ICustomerAgreementsLookup lookup, TimeProvider clock)
    : ICommandHandler<UpdateAgreementCommand, AgreementResponse>
{
    public async ValueTask<AgreementResponse> Handle(UpdateAgreementCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var agreement = await db.LoadAgreementForUpdateAsync(command.CustomerId, command.AgreementId, command.IfMatch, now, cancellationToken);
        var (level, line, products) = await db.AgreementReferencesAsync(command.Body, cancellationToken);

        agreement.Change(level, line, products, command.Body.ValidFrom!.Value, command.Body.ValidTo);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(agreement.CustomerId);
        return agreement.ToResponse(now);
    }
}
