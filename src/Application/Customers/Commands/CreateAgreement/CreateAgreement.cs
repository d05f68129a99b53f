using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Application.Customers.Commands;

/// <summary>Gives a customer an agreement: a level for a product line or a list of products.</summary>
public sealed record CreateAgreementCommand(Guid CustomerId, AgreementBody Body) : ICommand<AgreementResponse>;

public sealed class CreateAgreementCommandValidator : AbstractValidator<CreateAgreementCommand>
{
    public CreateAgreementCommandValidator() => RuleFor(c => c.Body).SetValidator(new AgreementBodyValidator());
}

internal sealed class CreateAgreementHandler(IServiceDeskDbContext db, ICustomerAgreementsLookup lookup, TimeProvider clock)
    : ICommandHandler<CreateAgreementCommand, AgreementResponse>
{
    public async ValueTask<AgreementResponse> Handle(CreateAgreementCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == command.CustomerId, cancellationToken)
            ?? throw new NotFoundException("Customer", command.CustomerId);
        var (level, line, products) = await db.AgreementReferencesAsync(command.Body, cancellationToken);
        var now = clock.GetUtcNow();

        var agreement = Agreement.Create(
            Guid.CreateVersion7(now), customer, level, line, products, command.Body.ValidFrom!.Value, command.Body.ValidTo, now);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(agreement.CustomerId);
        return agreement.ToResponse(now);
    }
}
