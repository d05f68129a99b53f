using FluentValidation;

namespace ServiceDesk.Application.Common.Paging;

/// <summary>Shared rules for <c>limit</c>, used by every list query's validator.</summary>
public sealed class PageRequestValidator : AbstractValidator<PageRequest>
{
    public PageRequestValidator()
    {
        RuleFor(p => p.Limit)
            .InclusiveBetween(1, PageRequest.MaxLimit)
            .When(p => p.Limit.HasValue)
            .OverridePropertyName("limit")
            .WithMessage($"'limit' must be between 1 and {PageRequest.MaxLimit}.");
    }
}
