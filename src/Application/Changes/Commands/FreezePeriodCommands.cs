using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
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

public sealed record DeleteFreezePeriodCommand(string Id) : ICommand;

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

/// <summary>Freeze periods are declared and lifted by managers.</summary>
internal sealed class FreezePeriodCommandsHandler(IServiceDeskDbContext db, ICurrentUser user, ICustomerDirectory customers, TimeProvider clock)
    : ICommandHandler<CreateFreezePeriodCommand, FreezePeriodResponse>,
      ICommandHandler<DeleteFreezePeriodCommand>
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

    public async ValueTask<Unit> Handle(DeleteFreezePeriodCommand command, CancellationToken cancellationToken)
    {
        var id = FreezePeriodIds.Normalise(command.Id);
        var freeze = await db.FreezePeriods.FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new NotFoundException("Freeze period", command.Id);
        db.FreezePeriods.Remove(freeze);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Freeze period ids are GUIDs kept as canonical text; any GUID spelling a client sends finds its period.</summary>
internal static class FreezePeriodIds
{
    public static string Normalise(string id) => Guid.TryParse(id, out var guid) ? guid.ToString() : id;
}
