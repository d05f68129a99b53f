using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Changes;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>Body of <c>schedule</c>.</summary>
/// <param name="PlannedStart" example="2026-12-05T14:00:00Z">Start of the window: not in the past.</param>
/// <param name="PlannedEnd" example="2026-12-05T16:00:00Z">End of the window: after the start.</param>
/// <param name="AcknowledgeConflicts" example="false">A Normal change overlapping others on the same products is scheduled only with true.</param>
public sealed record ScheduleBody(DateTimeOffset? PlannedStart, DateTimeOffset? PlannedEnd, bool? AcknowledgeConflicts);

/// <summary>Plans the window of an approved change, or re-plans a scheduled one, against the conflicts and freezes it meets.</summary>
public sealed record ScheduleChangeCommand(string Number, string? IfMatch, ScheduleBody Body) : ICommand<ChangeResponse>;

public sealed class ScheduleChangeCommandValidator : AbstractValidator<ScheduleChangeCommand>
{
    public ScheduleChangeCommandValidator()
    {
        RuleFor(c => c.Body.PlannedStart).NotNull();
        RuleFor(c => c.Body.PlannedEnd).NotNull();
        RuleFor(c => c.Body.PlannedEnd).GreaterThan(c => c.Body.PlannedStart)
            .When(c => c.Body.PlannedStart.HasValue && c.Body.PlannedEnd.HasValue)
            .WithMessage("'plannedEnd' must be after 'plannedStart'.");
    }
}

/// <summary>
/// The conflict check reads the windows held on the change's products and then writes this one: both happen under
/// the products' locks, so of two schedules racing on a product the second sees the first's window.
/// </summary>
internal sealed class ScheduleChangeHandler(IServiceDeskDbContext db, IProductLocks locks, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ScheduleChangeCommand, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(ScheduleChangeCommand command, CancellationToken cancellationToken)
    {
        // Read ahead of the lock, these are the products the change is loaded with under it: a change names its
        // products only while it is a Draft, and a Draft cannot be scheduled.
        var productCodes = await db.ChangeProducts.AsNoTracking().Where(p => p.Number == command.Number).Select(p => p.ProductCode).ToListAsync(cancellationToken);
        return await locks.WhileLockedAsync(productCodes, async ct =>
        {
            var change = await db.LoadChangeForUpdateAsync(command.Number, command.IfMatch, ct);
            var now = clock.GetUtcNow();
            var window = ChangeWindow.Create(command.Body.PlannedStart!.Value, command.Body.PlannedEnd!.Value);
            var candidates = await ChangeOverlaps.CandidatesAsync(db, change, window, ct);
            var freezes = await ChangeOverlaps.FreezesAsync(db, change.CustomerId, window, ct);
            change.Schedule(window, command.Body.AcknowledgeConflicts ?? false, candidates, freezes, user.ToActor(), now);
            await db.SaveChangesAsync(ct);
            return change.ToResponse();
        }, cancellationToken);
    }
}
