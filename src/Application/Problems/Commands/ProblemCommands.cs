using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Changes;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Application.Problems.Commands;

/// <summary>Body of <c>POST /problems</c>.</summary>
/// <param name="Summary" example="Mail relay drops connections under load">One line.</param>
/// <param name="Description" example="Outbound mail stalls every weekday around 09:00; 14 incidents so far.">What is seen.</param>
/// <param name="ProductCode" example="OPS-APP-03">The product concerned; optional.</param>
public sealed record CreateProblemCommand(string? Summary, string? Description, string? ProductCode) : ICommand<ProblemResponse>;

/// <summary>The editable fields of a problem (PATCH merges into them); root cause and workaround once it is a known error.</summary>
/// <param name="Summary" example="Mail relay drops connections under load">One line.</param>
/// <param name="Description">What is seen.</param>
/// <param name="ProductCode" example="OPS-APP-03">The product concerned.</param>
/// <param name="RootCause" example="The relay's connection pool is capped at 50.">Correctable once recorded.</param>
/// <param name="Workaround" example="Restart the relay service.">Correctable once recorded; linked incidents show the new one.</param>
public sealed record ProblemBody(string? Summary, string? Description, string? ProductCode, string? RootCause, string? Workaround);

/// <summary>Body of <c>POST /problems/{number}/incidents</c>.</summary>
/// <param name="IncidentNumber" example="INC000042">The incident to link.</param>
public sealed record LinkIncidentBody(string? IncidentNumber);

/// <summary>Body of <c>known-error</c>.</summary>
/// <param name="RootCause" example="The relay's connection pool is capped at 50.">Why it happens.</param>
/// <param name="Workaround" example="Restart the relay service; mail queued meanwhile is delivered.">How users get going meanwhile.</param>
public sealed record KnownErrorBody(string? RootCause, string? Workaround);

/// <summary>Body of <c>resolve</c>.</summary>
/// <param name="ChangeNumber" example="CHG000042">The change that fixed it (implemented, not failed).</param>
public sealed record ResolveProblemBody(string? ChangeNumber);

public enum ProblemAction
{
    Investigate,
    Close,
}

public abstract record ProblemCommand(string Number, string? IfMatch) : ICommand<ProblemResponse>;

public sealed record UpdateProblemCommand(string Number, string? IfMatch, ProblemBody Body) : ProblemCommand(Number, IfMatch);

public sealed record SimpleProblemActionCommand(string Number, string? IfMatch, ProblemAction Action) : ProblemCommand(Number, IfMatch);

public sealed record RecordKnownErrorCommand(string Number, string? IfMatch, KnownErrorBody Body) : ProblemCommand(Number, IfMatch);

public sealed record ResolveProblemCommand(string Number, string? IfMatch, ResolveProblemBody Body) : ProblemCommand(Number, IfMatch);

public sealed record LinkIncidentCommand(string Number, string? IfMatch, LinkIncidentBody Body) : ProblemCommand(Number, IfMatch);

public sealed record UnlinkIncidentCommand(string Number, string? IfMatch, string IncidentNumber) : ProblemCommand(Number, IfMatch);

public sealed class CreateProblemCommandValidator : AbstractValidator<CreateProblemCommand>
{
    public CreateProblemCommandValidator()
    {
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(Problem.SummaryMaxLength);
        RuleFor(c => c.Description).NotEmpty().MaximumLength(Problem.DescriptionMaxLength);
        RuleFor(c => c.ProductCode!).MustBeCode().When(c => c.ProductCode is not null);
    }
}

public sealed class UpdateProblemCommandValidator : AbstractValidator<UpdateProblemCommand>
{
    public UpdateProblemCommandValidator()
    {
        RuleFor(c => c.Body.Summary).NotEmpty().MaximumLength(Problem.SummaryMaxLength);
        RuleFor(c => c.Body.Description).NotEmpty().MaximumLength(Problem.DescriptionMaxLength);
        RuleFor(c => c.Body.ProductCode!).MustBeCode().When(c => c.Body.ProductCode is not null);
        RuleFor(c => c.Body.RootCause).MaximumLength(Problem.TextMaxLength);
        RuleFor(c => c.Body.Workaround).MaximumLength(Problem.TextMaxLength);
    }
}

public sealed class RecordKnownErrorCommandValidator : AbstractValidator<RecordKnownErrorCommand>
{
    public RecordKnownErrorCommandValidator()
    {
        RuleFor(c => c.Body.RootCause).NotEmpty().MaximumLength(Problem.TextMaxLength);
        RuleFor(c => c.Body.Workaround).NotEmpty().MaximumLength(Problem.TextMaxLength);
    }
}

public sealed class ResolveProblemCommandValidator : AbstractValidator<ResolveProblemCommand>
{
    public ResolveProblemCommandValidator() => RuleFor(c => c.Body.ChangeNumber).NotEmpty().MaximumLength(DeskRecord.NumberMaxLength);
}

public sealed class LinkIncidentCommandValidator : AbstractValidator<LinkIncidentCommand>
{
    public LinkIncidentCommandValidator() => RuleFor(c => c.Body.IncidentNumber).NotEmpty().MaximumLength(DeskRecord.NumberMaxLength);
}

/// <summary>Every problem use case: load (version-checked), the domain methods, save, map.</summary>
internal sealed class ProblemCommandsHandler(IServiceDeskDbContext db, ICurrentUser user, ITicketNumbers numbers, TimeProvider clock)
    : ICommandHandler<CreateProblemCommand, ProblemResponse>,
      ICommandHandler<UpdateProblemCommand, ProblemResponse>,
      ICommandHandler<SimpleProblemActionCommand, ProblemResponse>,
      ICommandHandler<RecordKnownErrorCommand, ProblemResponse>,
      ICommandHandler<ResolveProblemCommand, ProblemResponse>,
      ICommandHandler<LinkIncidentCommand, ProblemResponse>,
      ICommandHandler<UnlinkIncidentCommand, ProblemResponse>
{
    private Actor Actor => user.ToActor();

    public async ValueTask<ProblemResponse> Handle(CreateProblemCommand command, CancellationToken cancellationToken)
    {
        await CheckProductAsync(command.ProductCode, null, cancellationToken);
        var number = await numbers.NextAsync(Problem.NumberPrefix, cancellationToken);
        var problem = Problem.Open(number, command.Summary!, command.Description!, command.ProductCode, Actor, clock.GetUtcNow());
        db.Problems.Add(problem);
        await db.SaveChangesAsync(cancellationToken);
        return problem.ToResponse();
    }

    public ValueTask<ProblemResponse> Handle(UpdateProblemCommand command, CancellationToken cancellationToken) =>
        Act(command, async (problem, now) =>
        {
            await CheckProductAsync(command.Body.ProductCode, problem.ProductCode, cancellationToken);
            var workaround = problem.Workaround;
            problem.Update(command.Body.Summary!, command.Body.Description!, command.Body.ProductCode, command.Body.RootCause, command.Body.Workaround, Actor, now);
            if (problem.Workaround != workaround)
                await db.ShowWorkaroundOnIncidentsAsync(problem, Actor, now, cancellationToken);
        }, cancellationToken);

    public ValueTask<ProblemResponse> Handle(SimpleProblemActionCommand command, CancellationToken cancellationToken) =>
        Act(command, (problem, now) =>
        {
            if (command.Action == ProblemAction.Investigate)
                problem.Investigate(Actor, now);
            else
                problem.Close(Actor, now);
            return Task.CompletedTask;
        }, cancellationToken);

    public ValueTask<ProblemResponse> Handle(RecordKnownErrorCommand command, CancellationToken cancellationToken) =>
        Act(command, async (problem, now) =>
        {
            problem.RecordKnownError(command.Body.RootCause!, command.Body.Workaround!, Actor, now);
            await db.ShowWorkaroundOnIncidentsAsync(problem, Actor, now, cancellationToken);
        }, cancellationToken);

    public ValueTask<ProblemResponse> Handle(ResolveProblemCommand command, CancellationToken cancellationToken) =>
        Act(command, async (problem, now) =>
        {
            var change = await db.ReferencedChangeAsync(command.Body.ChangeNumber!.Trim(), "changeNumber", cancellationToken);
            problem.Resolve(change, Actor, now);
            change.AddFixedProblem(problem.Number, Actor, now);
        }, cancellationToken);

    public ValueTask<ProblemResponse> Handle(LinkIncidentCommand command, CancellationToken cancellationToken) =>
        Act(command, async (problem, now) =>
        {
            var number = command.Body.IncidentNumber!.Trim();
            var incident = await db.Tickets.FirstOrDefaultAsync(t => t.Number == number && t.Kind == TicketKind.Incident, cancellationToken)
                ?? throw new RequestValidationException("incidentNumber", $"Incident '{number}' does not exist.");
            problem.LinkIncident(incident.Number, Actor, now);
            incident.LinkToProblem(problem.Number, problem.Workaround, Actor, now);
        }, cancellationToken);

    public ValueTask<ProblemResponse> Handle(UnlinkIncidentCommand command, CancellationToken cancellationToken) =>
        Act(command, async (problem, now) =>
        {
            var incident = await db.Tickets.FirstOrDefaultAsync(t => t.Number == command.IncidentNumber && t.Kind == TicketKind.Incident && t.ProblemNumber == problem.Number, cancellationToken)
                ?? throw new NotFoundException($"Incident linked to problem {problem.Number}", command.IncidentNumber);
            problem.UnlinkIncident(incident.Number, Actor, now);
            incident.UnlinkFromProblem(Actor, now);
        }, cancellationToken);

    private async ValueTask<ProblemResponse> Act(ProblemCommand command, Func<Problem, DateTimeOffset, Task> action, CancellationToken cancellationToken)
    {
        var problem = await db.LoadProblemForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        await action(problem, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.WithIncidentsAsync(problem.ToResponse(), cancellationToken);
    }

    /// <summary>A named product exists; a newly named one is not retired.</summary>
    private async Task CheckProductAsync(string? productCode, string? current, CancellationToken cancellationToken)
    {
        if (productCode is null)
            return;
        await db.ProductKindsAsync([productCode], "productCode", cancellationToken);
        if (productCode != current)
            await db.EnsureNotRetiredAsync([productCode], "productCode", cancellationToken);
    }
}
