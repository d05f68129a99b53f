using FluentValidation;
using ServiceDesk.Domain.Changes;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>Body of <c>approve</c> and <c>reject</c>.</summary>
/// <param name="Comment" example="Backout plan tested in the lab; go ahead.">Why; required.</param>
public sealed record DecisionBody(string? Comment);

public sealed class DecisionBodyValidator : AbstractValidator<DecisionBody>
{
    public DecisionBodyValidator() => RuleFor(b => b.Comment).NotEmpty().MaximumLength(Change.CommentMaxLength);
}
