using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;

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

/// <summary>Body of <c>POST /changes</c>: a Draft written in full (every field but <c>customerId</c> is required).</summary>
/// <param name="Type" example="Normal">Standard, Normal or Emergency.</param>
/// <param name="Risk" example="Medium">Low, Medium or High.</param>
/// <param name="Summary" example="Upgrade core switch firmware in building B">One line.</param>
/// <param name="Description" example="Vendor advisory 2026-114: the current firmware drops VLAN trunks under load.">What and why.</param>
/// <param name="ImplementationPlan" example="1. Back up the running config. 2. Load firmware 17.9.4. 3. Reload in the window.">How it is carried out.</param>
/// <param name="BackoutPlan" example="Boot the previous image from flash and restore the saved config.">How it is undone.</param>
/// <param name="ProductCodes">The catalog products it affects, e.g. ["OPS-INF-03"].</param>
/// <param name="CustomerId">The customer it affects; omit for a global change that affects every customer.</param>
public sealed record CreateChangeCommand(
    ChangeType? Type,
    ChangeRisk? Risk,
    string? Summary,
    string? Description,
    string? ImplementationPlan,
    string? BackoutPlan,
    IReadOnlyList<string>? ProductCodes,
    Guid? CustomerId) : ICommand<ChangeResponse>
{
    public ChangeBody ToBody() => new(Type, Risk, Summary, Description, ImplementationPlan, BackoutPlan, ProductCodes, CustomerId);
}

/// <summary>Body of <c>approve</c> and <c>reject</c>.</summary>
/// <param name="Comment" example="Backout plan tested in the lab; go ahead.">Why; required.</param>
public sealed record DecisionBody(string? Comment);

/// <summary>Body of <c>schedule</c>.</summary>
/// <param name="PlannedStart" example="2026-12-05T14:00:00Z">Start of the window: not in the past.</param>
/// <param name="PlannedEnd" example="2026-12-05T16:00:00Z">End of the window: after the start.</param>
/// <param name="AcknowledgeConflicts" example="false">A Normal change overlapping others on the same products is scheduled only with true.</param>
public sealed record ScheduleBody(DateTimeOffset? PlannedStart, DateTimeOffset? PlannedEnd, bool? AcknowledgeConflicts);

/// <summary>Body of <c>review</c>.</summary>
/// <param name="Outcome" example="Successful">Successful, Failed or RolledBack.</param>
/// <param name="Notes" example="Firmware loaded, trunks stable under load test.">What the review found.</param>
public sealed record ReviewBody(ChangeOutcome? Outcome, string? Notes);

/// <summary>Body of <c>POST /changes/{number}/fixes</c>: exactly one of the two.</summary>
/// <param name="IncidentNumber" example="INC000042">An incident the change fixes.</param>
/// <param name="ProblemNumber" example="PRB000007">A problem the change fixes.</param>
public sealed record FixBody(string? IncidentNumber, string? ProblemNumber);

/// <summary>Body of <c>POST /incidents/{number}/caused-by</c>.</summary>
/// <param name="ChangeNumber" example="CHG000042">The change that caused the incident (implemented or being implemented).</param>
public sealed record CausedByBody(string? ChangeNumber);

public enum ChangeAction
{
    Submit,
    Start,
    Complete,
    Close,
    Cancel,
}

/// <summary>An action on a change, addressed by number, conditional on If-Match when given.</summary>
public abstract record ChangeCommand(string Number, string? IfMatch) : ICommand<ChangeResponse>;

public sealed record UpdateChangeCommand(string Number, string? IfMatch, ChangeBody Body) : ChangeCommand(Number, IfMatch);

public sealed record SimpleChangeActionCommand(string Number, string? IfMatch, ChangeAction Action) : ChangeCommand(Number, IfMatch);

public sealed record ApproveChangeCommand(string Number, string? IfMatch, DecisionBody Body) : ChangeCommand(Number, IfMatch);

public sealed record RejectChangeCommand(string Number, string? IfMatch, DecisionBody Body) : ChangeCommand(Number, IfMatch);

public sealed record ScheduleChangeCommand(string Number, string? IfMatch, ScheduleBody Body) : ChangeCommand(Number, IfMatch);

public sealed record ReviewChangeCommand(string Number, string? IfMatch, ReviewBody Body) : ChangeCommand(Number, IfMatch);

public sealed record AddChangeFixCommand(string Number, string? IfMatch, FixBody Body) : ChangeCommand(Number, IfMatch);

public sealed record RemoveChangeFixCommand(string Number, string? IfMatch, string FixedNumber) : ChangeCommand(Number, IfMatch);

/// <summary>Names the change that caused an incident (the change lists the incident in turn).</summary>
public sealed record SetCausingChangeCommand(string IncidentNumber, string? IfMatch, CausedByBody Body) : ICommand<TicketResponse>;

public sealed record ClearCausingChangeCommand(string IncidentNumber, string? IfMatch) : ICommand<TicketResponse>;

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

public sealed class CreateChangeCommandValidator : AbstractValidator<CreateChangeCommand>
{
    public CreateChangeCommandValidator()
    {
        RuleFor(c => c.Type).NotNull();
        RuleFor(c => c.Risk).NotNull();
        RuleFor(c => c.ImplementationPlan).NotEmpty();
        RuleFor(c => c.BackoutPlan).NotEmpty();
        RuleFor(c => c.ProductCodes).NotEmpty();
        RuleFor(c => c.ToBody()).SetValidator(new ChangeBodyValidator()).OverridePropertyName("Body");
    }
}

public sealed class UpdateChangeCommandValidator : AbstractValidator<UpdateChangeCommand>
{
    public UpdateChangeCommandValidator() => RuleFor(c => c.Body).SetValidator(new ChangeBodyValidator());
}

public sealed class DecisionBodyValidator : AbstractValidator<DecisionBody>
{
    public DecisionBodyValidator() => RuleFor(b => b.Comment).NotEmpty().MaximumLength(Change.CommentMaxLength);
}

public sealed class ApproveChangeCommandValidator : AbstractValidator<ApproveChangeCommand>
{
    public ApproveChangeCommandValidator() => RuleFor(c => c.Body).SetValidator(new DecisionBodyValidator());
}

public sealed class RejectChangeCommandValidator : AbstractValidator<RejectChangeCommand>
{
    public RejectChangeCommandValidator() => RuleFor(c => c.Body).SetValidator(new DecisionBodyValidator());
}

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

public sealed class ReviewChangeCommandValidator : AbstractValidator<ReviewChangeCommand>
{
    public ReviewChangeCommandValidator()
    {
        RuleFor(c => c.Body.Outcome).NotNull().IsInEnum();
        RuleFor(c => c.Body.Notes).NotEmpty().MaximumLength(Change.PlanMaxLength);
    }
}

public sealed class AddChangeFixCommandValidator : AbstractValidator<AddChangeFixCommand>
{
    public AddChangeFixCommandValidator()
    {
        RuleFor(c => c.Body.IncidentNumber).NotEmpty().When(c => string.IsNullOrWhiteSpace(c.Body.ProblemNumber))
            .WithMessage("Name the 'incidentNumber' or the 'problemNumber' the change fixes.");
        RuleFor(c => c.Body.ProblemNumber).Empty().When(c => !string.IsNullOrWhiteSpace(c.Body.IncidentNumber))
            .WithMessage("Name either an 'incidentNumber' or a 'problemNumber', not both.");
        RuleFor(c => c.Body.IncidentNumber).MaximumLength(DeskRecord.NumberMaxLength);
        RuleFor(c => c.Body.ProblemNumber).MaximumLength(DeskRecord.NumberMaxLength);
    }
}

public sealed class SetCausingChangeCommandValidator : AbstractValidator<SetCausingChangeCommand>
{
    public SetCausingChangeCommandValidator() => RuleFor(c => c.Body.ChangeNumber).NotEmpty().MaximumLength(DeskRecord.NumberMaxLength);
}

/// <summary>Every change use case: load (version-checked), one domain method, save, map.</summary>
internal sealed class ChangeCommandsHandler(IServiceDeskDbContext db, ICurrentUser user, ITicketNumbers numbers, ICustomerDirectory customers, TimeProvider clock)
    : ICommandHandler<CreateChangeCommand, ChangeResponse>,
      ICommandHandler<UpdateChangeCommand, ChangeResponse>,
      ICommandHandler<SimpleChangeActionCommand, ChangeResponse>,
      ICommandHandler<ApproveChangeCommand, ChangeResponse>,
      ICommandHandler<RejectChangeCommand, ChangeResponse>,
      ICommandHandler<ScheduleChangeCommand, ChangeResponse>,
      ICommandHandler<ReviewChangeCommand, ChangeResponse>,
      ICommandHandler<AddChangeFixCommand, ChangeResponse>,
      ICommandHandler<RemoveChangeFixCommand, ChangeResponse>,
      ICommandHandler<SetCausingChangeCommand, TicketResponse>,
      ICommandHandler<ClearCausingChangeCommand, TicketResponse>
{
    private Actor By => user.ToActor();

    public async ValueTask<ChangeResponse> Handle(CreateChangeCommand command, CancellationToken cancellationToken)
    {
        var body = command.ToBody();
        await CheckReferencesAsync(body, [], cancellationToken);
        var number = await numbers.NextAsync(Change.NumberPrefix, cancellationToken);
        var change = Change.Open(number, body.ToDetails(), By, clock.GetUtcNow());
        db.Changes.Add(change);
        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }

    public ValueTask<ChangeResponse> Handle(UpdateChangeCommand command, CancellationToken cancellationToken) =>
        Act(command, async (change, now) =>
        {
            await CheckReferencesAsync(command.Body, change.ProductCodes, cancellationToken);
            change.Update(command.Body.ToDetails(), By, now);
        }, cancellationToken);

    public ValueTask<ChangeResponse> Handle(SimpleChangeActionCommand command, CancellationToken cancellationToken) =>
        Act(command, async (change, now) =>
        {
            switch (command.Action)
            {
                case ChangeAction.Submit:
                    change.Submit(await db.ProductKindsAsync(change.ProductCodes, "productCodes", cancellationToken), By, now);
                    break;
                case ChangeAction.Start:
                    change.Start(By, now);
                    break;
                case ChangeAction.Complete:
                    change.Complete(By, now);
                    break;
                case ChangeAction.Close:
                    change.Close(By, now);
                    break;
                default:
                    change.Cancel(By, now);
                    break;
            }
        }, cancellationToken);

    public ValueTask<ChangeResponse> Handle(ApproveChangeCommand command, CancellationToken cancellationToken) =>
        Act(command, (change, now) => Done(() => change.Approve(command.Body.Comment!, By, now)), cancellationToken);

    public ValueTask<ChangeResponse> Handle(RejectChangeCommand command, CancellationToken cancellationToken) =>
        Act(command, (change, now) => Done(() => change.Reject(command.Body.Comment!, By, now)), cancellationToken);

    public ValueTask<ChangeResponse> Handle(ScheduleChangeCommand command, CancellationToken cancellationToken) =>
        Act(command, async (change, now) =>
        {
            var window = ChangeWindow.Create(command.Body.PlannedStart!.Value, command.Body.PlannedEnd!.Value);
            var candidates = await ChangeOverlaps.CandidatesAsync(db, change, window, cancellationToken);
            var freezes = await ChangeOverlaps.FreezesAsync(db, change.CustomerId, window, cancellationToken);
            change.Schedule(window, command.Body.AcknowledgeConflicts ?? false, candidates, freezes, By, now);
        }, cancellationToken);

    public ValueTask<ChangeResponse> Handle(ReviewChangeCommand command, CancellationToken cancellationToken) =>
        Act(command, (change, now) => Done(() => change.Review(command.Body.Outcome!.Value, command.Body.Notes!, By, now)), cancellationToken);

    public ValueTask<ChangeResponse> Handle(AddChangeFixCommand command, CancellationToken cancellationToken) =>
        Act(command, async (change, now) =>
        {
            if (!string.IsNullOrWhiteSpace(command.Body.IncidentNumber))
            {
                var incident = command.Body.IncidentNumber.Trim();
                if (!await db.Tickets.AnyAsync(t => t.Number == incident && t.Kind == TicketKind.Incident, cancellationToken))
                    throw new RequestValidationException("incidentNumber", $"Incident '{incident}' does not exist.");
                change.AddFixedIncident(incident, By, now);
                return;
            }

            var problem = command.Body.ProblemNumber!.Trim();
            if (!await db.Problems.AnyAsync(p => p.Number == problem, cancellationToken))
                throw new RequestValidationException("problemNumber", $"Problem '{problem}' does not exist.");
            change.AddFixedProblem(problem, By, now);
        }, cancellationToken);

    public ValueTask<ChangeResponse> Handle(RemoveChangeFixCommand command, CancellationToken cancellationToken) =>
        Act(command, (change, now) => Done(() =>
        {
            if (change.FixesIncidents.Contains(command.FixedNumber, StringComparer.Ordinal))
                change.RemoveFixedIncident(command.FixedNumber, By, now);
            else if (change.FixesProblems.Contains(command.FixedNumber, StringComparer.Ordinal))
                change.RemoveFixedProblem(command.FixedNumber, By, now);
            else
                throw new NotFoundException($"Fix of change {change.Number}", command.FixedNumber);
        }), cancellationToken);

    public async ValueTask<TicketResponse> Handle(SetCausingChangeCommand command, CancellationToken cancellationToken)
    {
        var incident = await db.LoadForUpdateAsync(user, TicketKind.Incident, command.IncidentNumber, command.IfMatch, cancellationToken);
        var change = await db.ReferencedChangeAsync(command.Body.ChangeNumber!.Trim(), "changeNumber", cancellationToken);
        var now = clock.GetUtcNow();
        if (incident.CausedByChange is { } previous && previous != change.Number)
            (await db.Changes.FirstOrDefaultAsync(c => c.Number == previous, cancellationToken))?.ForgetCausedIncident(incident.Number, By, now);
        change.RecordCausedIncident(incident.Number, By, now);
        incident.RecordCausingChange(change.Number, By, now);
        await db.SaveChangesAsync(cancellationToken);
        return incident.ToResponse();
    }

    public async ValueTask<TicketResponse> Handle(ClearCausingChangeCommand command, CancellationToken cancellationToken)
    {
        var incident = await db.LoadForUpdateAsync(user, TicketKind.Incident, command.IncidentNumber, command.IfMatch, cancellationToken);
        if (incident.CausedByChange is not { } previous)
            throw new NotFoundException($"Causing change of incident {incident.Number}", incident.Number);
        var now = clock.GetUtcNow();
        var change = await db.Changes.FirstOrDefaultAsync(c => c.Number == previous, cancellationToken);
        if (change is not null && change.CausedIncidents.Contains(incident.Number, StringComparer.Ordinal))
            change.ForgetCausedIncident(incident.Number, By, now);
        incident.RecordCausingChange(null, By, now);
        await db.SaveChangesAsync(cancellationToken);
        return incident.ToResponse();
    }

    private async ValueTask<ChangeResponse> Act(ChangeCommand command, Func<Change, DateTimeOffset, Task> action, CancellationToken cancellationToken)
    {
        var change = await db.LoadChangeForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        await action(change, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }

    /// <summary>The customer exists; the products exist and, when newly named, are not retired.</summary>
    private async Task CheckReferencesAsync(ChangeBody body, IReadOnlyList<string> current, CancellationToken cancellationToken)
    {
        if (body.CustomerId is { } customerId && !await customers.ExistsAsync(customerId, cancellationToken))
            throw new RequestValidationException("customerId", $"Customer '{customerId}' does not exist.");
        var codes = (body.ProductCodes ?? []).Distinct(StringComparer.Ordinal).ToList();
        await db.ProductKindsAsync(codes, "productCodes", cancellationToken);
        await db.EnsureNotRetiredAsync(codes.Except(current, StringComparer.Ordinal).ToList(), "productCodes", cancellationToken);
    }

    private static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }
}
