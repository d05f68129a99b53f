using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Application.Problems.Commands;

/// <summary>Body of <c>POST /problems</c>.</summary>
/// <param name="Summary" example="Mail relay drops connections under load">One line.</param>
/// <param name="Description" example="Outbound mail stalls every weekday around 09:00; 14 incidents so far.">What is seen.</param>
/// <param name="ProductCode" example="OPS-APP-03">The product concerned; optional.</param>
public sealed record CreateProblemCommand(string? Summary, string? Description, string? ProductCode) : ICommand<ProblemResponse>;

public sealed class CreateProblemCommandValidator : AbstractValidator<CreateProblemCommand>
{
    public CreateProblemCommandValidator()
    {
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(Problem.SummaryMaxLength);
        RuleFor(c => c.Description).NotEmpty().MaximumLength(Problem.DescriptionMaxLength);
        RuleFor(c => c.ProductCode!).MustBeCode().When(c => c.ProductCode is not null);
    }
}

internal sealed class CreateProblemHandler(IServiceDeskDbContext db, ICurrentUser user, ITicketNumbers numbers, TimeProvider clock)
    : ICommandHandler<CreateProblemCommand, ProblemResponse>
{
    public async ValueTask<ProblemResponse> Handle(CreateProblemCommand command, CancellationToken cancellationToken)
    {
        await db.CheckProblemProductAsync(command.ProductCode, null, cancellationToken);
        var number = await numbers.NextAsync(Problem.NumberPrefix, cancellationToken);
        var problem = Problem.Open(number, command.Summary!, command.Description!, command.ProductCode, user.ToActor(), clock.GetUtcNow());
        db.Problems.Add(problem);
        await db.SaveChangesAsync(cancellationToken);
        return problem.ToResponse();
    }
}
