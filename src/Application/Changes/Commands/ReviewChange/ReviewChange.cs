using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Changes;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>Body of <c>review</c>.</summary>
/// <param name="Outcome" example="Successful">Successful, Failed or RolledBack.</param>
/// <param name="Notes" example="Firmware loaded, trunks stable under load test.">What the review found.</param>
public sealed record ReviewBody(ChangeOutcome? Outcome, string? Notes);

/// <summary>Records the review outcome of an implemented change.</summary>
public sealed record ReviewChangeCommand(string Number, string? IfMatch, ReviewBody Body) : ICommand<ChangeResponse>;

public sealed class ReviewChangeCommandValidator : AbstractValidator<ReviewChangeCommand>
{
    public ReviewChangeCommandValidator()
    {
        RuleFor(c => c.Body.Outcome).NotNull().IsDefinedEnum();
        RuleFor(c => c.Body.Notes).NotEmpty().MaximumLength(Change.PlanMaxLength);
    }
}

internal sealed class ReviewChangeHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReviewChangeCommand, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(ReviewChangeCommand command, CancellationToken cancellationToken)
    {
        var change = await db.LoadChangeForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        change.Review(command.Body.Outcome!.Value, command.Body.Notes!, user.ToActor(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }
}
