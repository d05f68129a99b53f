using FluentValidation;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Body of <c>hold</c>, <c>reopen</c> and <c>cancel</c>.</summary>
/// <param name="Reason" example="Waiting for the customer's maintenance window">Why; required.</param>
public sealed record ReasonBody(string? Reason);

public sealed class ReasonBodyValidator : AbstractValidator<ReasonBody>
{
    public ReasonBodyValidator() => RuleFor(b => b.Reason).NotEmpty().MaximumLength(Ticket.ReasonMaxLength);
}
