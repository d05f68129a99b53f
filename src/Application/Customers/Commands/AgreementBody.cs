using FluentValidation;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Customers;

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
