using FluentValidation;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>The fields a requester writes: the body of PATCH (merged into the change), and of POST /changes.</summary>
/// <param name="Type" example="Normal">Standard, Normal or Emergency.</param>
/// <param name="Risk" example="Medium">Low, Medium or High.</param>
/// <param name="Summary" example="Upgrade core switch firmware in building B">One line.</param>
/// <param name="Description" example="Vendor advisory 2026-114: the current firmware drops VLAN trunks under load.">What and why.</param>
/// <param name="ImplementationPlan" example="1. Back up the running config. 2. Load firmware 17.9.4. 3. Reload in the window.">How it is carried out.</param>
/// <param name="BackoutPlan" example="Boot the previous image from flash and restore the saved config.">How it is undone.</param>
/// <param name="ProductCodes">The catalog products it affects, e.g. ["OPS-INF-03"].</param>
/// <param name="CustomerId">The customer it affects; omit (or null) for a global change that affects every customer.</param>
public sealed record ChangeBody(
    ChangeType? Type,
    ChangeRisk? Risk,
    string? Summary,
    string? Description,
    string? ImplementationPlan,
    string? BackoutPlan,
    IReadOnlyList<string>? ProductCodes,
    Guid? CustomerId)
{
    public ChangeDetails ToDetails() =>
        new(Type, Risk, Summary ?? string.Empty, Description ?? string.Empty, ImplementationPlan, BackoutPlan, ProductCodes ?? [], CustomerId);
}

public sealed class ChangeBodyValidator : AbstractValidator<ChangeBody>
{
    public ChangeBodyValidator()
    {
        RuleFor(b => b.Type).IsInEnum();
        RuleFor(b => b.Risk).IsInEnum();
        RuleFor(b => b.Summary).NotEmpty().MaximumLength(Change.SummaryMaxLength);
        RuleFor(b => b.Description).NotEmpty().MaximumLength(Change.DescriptionMaxLength);
        RuleFor(b => b.ImplementationPlan).MaximumLength(Change.PlanMaxLength);
        RuleFor(b => b.BackoutPlan).MaximumLength(Change.PlanMaxLength);
        RuleFor(b => b.ProductCodes).Must(codes => codes is null || codes.Count <= Change.MaxProducts)
            .WithMessage($"'productCodes' may name at most {Change.MaxProducts} products.");
        RuleForEach(b => b.ProductCodes).MustBeCode().OverridePropertyName("productCodes");
        RuleFor(b => b.CustomerId).NotEqual(Guid.Empty);
    }
}
