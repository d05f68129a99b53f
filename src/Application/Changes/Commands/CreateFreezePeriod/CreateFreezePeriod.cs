using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Changes;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>Body of <c>POST /freeze-periods</c>.</summary>
/// <param name="Name" example="Year-end close">What it protects.</param>
/// <param name="Start" example="2026-12-24T00:00:00Z">When it starts.</param>
/// <param name="End" example="2027-01-04T00:00:00Z">When it ends (after the start, in the future).</param>
/// <param name="CustomerId">The customer it protects; omit for a global freeze (every customer).</param>
public sealed record CreateFreezePeriodCommand(string? Name, DateTimeOffset? Start, DateTimeOffset? End, Guid? CustomerId) : ICommand<FreezePeriodResponse>;

public sealed class CreateFreezePeriodCommandValidator : AbstractValidator<CreateFreezePeriodCommand>
{
    public CreateFreezePeriodCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(FreezePeriod.NameMaxLength);
        RuleFor(c => c.Start).NotNull();
        RuleFor(c => c.End).NotNull();
        RuleFor(c => c.End).GreaterThan(c => c.Start).When(c => c.Start.HasValue && c.End.HasValue)
            .WithMessage("'end' must be after 'start'.");
        RuleFor(c => c.CustomerId).NotEqual(Guid.Empty);
    }
}

/// <summary>Freeze periods are declared by managers.</summary>
internal sealed class CreateFreezePeriodHandler(IServiceDeskDbContext db, ICurrentUser user, ICustomerDirectory customers, TimeProvider clock)
    : ICommandHandler<CreateFreezePeriodCommand, FreezePeriodResponse>
{
    public async ValueTask<FreezePeriodResponse> Handle(CreateFreezePeriodCommand command, CancellationToken cancellationToken)
    {
        if (command.CustomerId is { } customerId && !await customers.ExistsAsync(customerId, cancellationToken))
            throw new RequestValidationException("customerId", $"Customer '{customerId}' does not exist.");
        var freeze = FreezePeriod.Declare(command.Name!, command.Start!.Value, command.End!.Value, command.CustomerId, user.Name, clock.GetUtcNow());
        db.FreezePeriods.Add(freeze);
        await db.SaveChangesAsync(cancellationToken);
        return freeze.ToResponse();
    }
}
