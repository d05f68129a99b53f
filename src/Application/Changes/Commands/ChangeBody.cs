using FluentValidation;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Changes;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>The fields a requester writes: the body of PATCH (merged into the change), and of POST /changes.</summary>
public record ChangeBody
{
    /// <summary>Standard, Normal or Emergency.</summary>
    /// <example>Normal</example>
    public ChangeType? Type { get; init; }

    /// <summary>Low, Medium or High.</summary>
    /// <example>Medium</example>
    public ChangeRisk? Risk { get; init; }

    /// <summary>One line.</summary>
    /// <example>Upgrade core switch firmware in building B</example>
    public string? Summary { get; init; }

    /// <summary>What and why.</summary>
    /// <example>Vendor advisory 2026-114: the current firmware drops VLAN trunks under load.</example>
    public string? Description { get; init; }

    /// <summary>How it is carried out.</summary>
    /// <example>1. Back up the running config. 2. Load firmware 17.9.4. 3. Reload in the window.</example>
    public string? ImplementationPlan { get; init; }

    /// <summary>How it is undone.</summary>
    /// <example>Boot the previous image from flash and restore the saved config.</example>
    public string? BackoutPlan { get; init; }

    /// <summary>The catalog products it affects, e.g. ["OPS-INF-03"].</summary>
    public IReadOnlyList<string>? ProductCodes { get; init; }

    /// <summary>The customer it affects; omit (or null) for a global change that affects every customer.</summary>
    public Guid? CustomerId { get; init; }

    public ChangeDetails ToDetails() => new()
    {
        Type = Type,
        Risk = Risk,
        Summary = Summary ?? string.Empty,
        Description = Description ?? string.Empty,
        ImplementationPlan = ImplementationPlan,
        BackoutPlan = BackoutPlan,
        ProductCodes = ProductCodes ?? [],
        CustomerId = CustomerId,
    };
}

public sealed class ChangeBodyValidator : AbstractValidator<ChangeBody>
{
    public ChangeBodyValidator()
    {
        RuleFor(b => b.Type).IsDefinedEnum();
        RuleFor(b => b.Risk).IsDefinedEnum();
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
