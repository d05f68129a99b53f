using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Customers.Commands;

/// <summary>Body of <c>POST</c> and <c>PUT</c> on a customer's agreements: exactly one of productLineCode and productCodes.</summary>
/// <param name="ServiceLevelCode" example="GOLD">An existing service level; a new agreement (or a change of level) needs one that is not retired.</param>
/// <param name="ProductLineCode" example="OPS">Covers a whole product line; leave out when listing products.</param>
/// <param name="ProductCodes">Covers these products (none retired, when newly added); leave out when covering a line.</param>
/// <param name="ValidFrom" example="2026-01-01T00:00:00Z">Start of validity (inclusive), an instant with offset.</param>
/// <param name="ValidTo" example="2027-01-01T00:00:00Z">End of validity (exclusive), later than validFrom; left out: open-ended.</param>
public sealed record AgreementBody(
    string? ServiceLevelCode,
    string? ProductLineCode,
    IReadOnlyList<string>? ProductCodes,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo);

public sealed record CreateAgreementCommand(Guid CustomerId, AgreementBody Body) : ICommand<AgreementResponse>;

public sealed record UpdateAgreementCommand(Guid CustomerId, Guid AgreementId, AgreementBody Body, string? IfMatch) : ICommand<AgreementResponse>;

/// <summary>Ends an agreement at once (Active or Future ones only).</summary>
public sealed record CancelAgreementCommand(Guid CustomerId, Guid AgreementId, string? IfMatch) : ICommand<AgreementResponse>;

public sealed class AgreementBodyValidator : AbstractValidator<AgreementBody>
{
    public AgreementBodyValidator()
    {
        RuleFor(b => b.ServiceLevelCode).MustBeCode();
        RuleFor(b => b.ProductLineCode!).MustBeCode().When(b => b.ProductLineCode is not null);
        RuleFor(b => b.ProductLineCode)
            .NotNull().When(b => b.ProductCodes is not { Count: > 0 })
            .WithMessage("Give 'productLineCode' (a whole line) or 'productCodes' (a list of products).");
        RuleFor(b => b.ProductCodes)
            .Null().When(b => b.ProductLineCode is not null)
            .WithMessage("Give either 'productLineCode' or 'productCodes', not both.");
        RuleFor(b => b.ProductCodes!.Count)
            .LessThanOrEqualTo(Agreement.MaxProducts).When(b => b.ProductCodes is not null)
            .OverridePropertyName("ProductCodes")
            .WithMessage($"An agreement lists at most {Agreement.MaxProducts} products.");
        RuleForEach(b => b.ProductCodes).MustBeCode();
        RuleFor(b => b.ValidFrom).NotNull();
        RuleFor(b => b.ValidTo)
            .GreaterThan(b => b.ValidFrom).When(b => b.ValidFrom is not null && b.ValidTo is not null)
            .WithMessage("'validTo' must be later than 'validFrom'.");
    }
}

public sealed class CreateAgreementCommandValidator : AbstractValidator<CreateAgreementCommand>
{
    public CreateAgreementCommandValidator() => RuleFor(c => c.Body).SetValidator(new AgreementBodyValidator());
}

public sealed class UpdateAgreementCommandValidator : AbstractValidator<UpdateAgreementCommand>
{
    public UpdateAgreementCommandValidator() => RuleFor(c => c.Body).SetValidator(new AgreementBodyValidator());
}

internal sealed class AgreementCommandsHandler(IServiceDeskDbContext db, ICustomerAgreementsLookup lookup, TimeProvider clock)
    : ICommandHandler<CreateAgreementCommand, AgreementResponse>,
      ICommandHandler<UpdateAgreementCommand, AgreementResponse>,
      ICommandHandler<CancelAgreementCommand, AgreementResponse>
{
    public async ValueTask<AgreementResponse> Handle(CreateAgreementCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == command.CustomerId, cancellationToken)
            ?? throw new NotFoundException("Customer", command.CustomerId);
        var (level, line, products) = await ReferencesAsync(command.Body, cancellationToken);
        var now = clock.GetUtcNow();

        var agreement = Agreement.Create(
            Guid.CreateVersion7(now), customer, level, line, products, command.Body.ValidFrom!.Value, command.Body.ValidTo, now);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(agreement.CustomerId);
        return agreement.ToResponse(now);
    }

    public async ValueTask<AgreementResponse> Handle(UpdateAgreementCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var agreement = await LoadAsync(command.CustomerId, command.AgreementId, command.IfMatch, now, cancellationToken);
        var (level, line, products) = await ReferencesAsync(command.Body, cancellationToken);

        agreement.Change(level, line, products, command.Body.ValidFrom!.Value, command.Body.ValidTo);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(agreement.CustomerId);
        return agreement.ToResponse(now);
    }

    public async ValueTask<AgreementResponse> Handle(CancelAgreementCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var agreement = await LoadAsync(command.CustomerId, command.AgreementId, command.IfMatch, now, cancellationToken);
        agreement.Cancel(now);
        await db.SaveChangesAsync(cancellationToken);
        lookup.Invalidate(agreement.CustomerId);
        return agreement.ToResponse(now);
    }

    private async Task<Agreement> LoadAsync(Guid customerId, Guid agreementId, string? ifMatch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == agreementId && a.CustomerId == customerId, cancellationToken)
            ?? throw new NotFoundException("Agreement", agreementId);
        if (!ETags.Matches(ifMatch, agreement.ToResponse(now).ETag))
            throw new PreconditionFailedException("Agreement", agreementId);
        return agreement;
    }

    /// <summary>The level, line and products the body names; one that does not exist is a 400 naming its field.</summary>
    private async Task<(ServiceLevel Level, ProductLine? Line, List<Product> Products)> ReferencesAsync(AgreementBody body, CancellationToken cancellationToken)
    {
        var level = await db.ServiceLevels.AsNoTracking().FirstOrDefaultAsync(l => l.Code == body.ServiceLevelCode, cancellationToken)
            ?? throw new RequestValidationException("serviceLevelCode", $"Service level '{body.ServiceLevelCode}' does not exist.");

        ProductLine? line = null;
        if (body.ProductLineCode is { } lineCode)
        {
            line = await db.ProductLines.AsNoTracking().FirstOrDefaultAsync(l => l.Code == lineCode, cancellationToken)
                ?? throw new RequestValidationException("productLineCode", $"Product line '{lineCode}' does not exist.");
        }

        var codes = (body.ProductCodes ?? []).Distinct(StringComparer.Ordinal).ToList();
        var products = codes.Count == 0
            ? []
            : await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code)).ToListAsync(cancellationToken);
        var found = products.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var missing = (body.ProductCodes ?? []).Select((code, index) => (code, index)).Where(x => !found.Contains(x.code)).ToList();
        if (missing.Count > 0)
        {
            throw new RequestValidationException(missing.ToDictionary(
                x => $"productCodes[{x.index}]",
                x => new[] { $"Product '{x.code}' does not exist." }));
        }

        return (level, line, products);
    }
}
