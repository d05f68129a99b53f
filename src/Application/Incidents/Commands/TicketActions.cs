using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Common;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Body of <c>assign</c>.</summary>
/// <param name="Group" example="Infrastructure">The assignment group's name.</param>
/// <param name="Assignee" example="li.wei">The agent, free text; optional.</param>
public sealed record AssignBody(string? Group, string? Assignee);

/// <summary>Body of <c>hold</c>, <c>reopen</c> and <c>cancel</c>.</summary>
/// <param name="Reason" example="Waiting for the customer's maintenance window">Why; required.</param>
public sealed record ReasonBody(string? Reason);

/// <summary>Body of <c>resolve</c>.</summary>
/// <param name="ResolutionCode" example="Fixed">A short code.</param>
/// <param name="Notes" example="Replaced the failed line card.">What was done.</param>
public sealed record ResolveBody(string? ResolutionCode, string? Notes);

/// <summary>Body of <c>escalate</c>: a higher level (hierarchical), another group (functional), or both.</summary>
/// <param name="Level" example="2">Support level 2 or 3, above the current one.</param>
/// <param name="Group" example="Application Support">Another group to take it over.</param>
/// <param name="Reason" example="Needs a storage specialist">Why; required.</param>
public sealed record EscalateBody(int? Level, string? Group, string? Reason);

/// <summary>Body of <c>POST .../comments</c>.</summary>
/// <param name="Body" example="We are on site and replacing the part.">The text.</param>
/// <param name="Visibility" example="public">public (the customer sees it) or internal (a work note).</param>
public sealed record CommentBody(string? Body, CommentVisibility? Visibility);

/// <summary>The editable fields of a ticket (PATCH merges into them).</summary>
/// <param name="Summary" example="Core switch in building B is down">One line.</param>
/// <param name="Description">What happened.</param>
/// <param name="Impact" example="High">A new impact re-derives the priority.</param>
/// <param name="Urgency" example="High">A new urgency re-derives the priority.</param>
/// <param name="Category" example="Incident">Incident, Complaint, Request or Inquiry.</param>
public sealed record TicketDetailsBody(string? Summary, string? Description, Impact? Impact, Urgency? Urgency, TicketCategory? Category);

public enum TicketAction
{
    Start,
    Resume,
    Close,
}

/// <summary>An action on a ticket, addressed by kind and number, conditional on If-Match when given.</summary>
public abstract record TicketCommand(TicketKind Kind, string Number, string? IfMatch) : ICommand<TicketResponse>;

public sealed record AssignTicketCommand(TicketKind Kind, string Number, string? IfMatch, AssignBody Body) : TicketCommand(Kind, Number, IfMatch);

public sealed record SimpleTicketActionCommand(TicketKind Kind, string Number, string? IfMatch, TicketAction Action) : TicketCommand(Kind, Number, IfMatch);

public sealed record HoldTicketCommand(TicketKind Kind, string Number, string? IfMatch, ReasonBody Body) : TicketCommand(Kind, Number, IfMatch);

public sealed record ResolveTicketCommand(TicketKind Kind, string Number, string? IfMatch, ResolveBody Body) : TicketCommand(Kind, Number, IfMatch);

public sealed record ReopenTicketCommand(TicketKind Kind, string Number, string? IfMatch, ReasonBody Body) : TicketCommand(Kind, Number, IfMatch);

public sealed record CancelTicketCommand(TicketKind Kind, string Number, string? IfMatch, ReasonBody Body) : TicketCommand(Kind, Number, IfMatch);

public sealed record EscalateTicketCommand(TicketKind Kind, string Number, string? IfMatch, EscalateBody Body) : TicketCommand(Kind, Number, IfMatch);

public sealed record UpdateTicketCommand(TicketKind Kind, string Number, string? IfMatch, TicketDetailsBody Body) : TicketCommand(Kind, Number, IfMatch);

public sealed record AddCommentCommand(TicketKind Kind, string Number, CommentBody Body) : ICommand<CommentResponse>;

public sealed class AssignTicketCommandValidator : AbstractValidator<AssignTicketCommand>
{
    public AssignTicketCommandValidator()
    {
        RuleFor(c => c.Body.Group).NotEmpty().MaximumLength(AssignmentGroup.NameMaxLength);
        RuleFor(c => c.Body.Assignee).MaximumLength(Ticket.AssigneeMaxLength);
    }
}

public sealed class ReasonBodyValidator : AbstractValidator<ReasonBody>
{
    public ReasonBodyValidator() => RuleFor(b => b.Reason).NotEmpty().MaximumLength(Ticket.ReasonMaxLength);
}

public sealed class HoldTicketCommandValidator : AbstractValidator<HoldTicketCommand>
{
    public HoldTicketCommandValidator() => RuleFor(c => c.Body).SetValidator(new ReasonBodyValidator());
}

public sealed class ReopenTicketCommandValidator : AbstractValidator<ReopenTicketCommand>
{
    public ReopenTicketCommandValidator() => RuleFor(c => c.Body).SetValidator(new ReasonBodyValidator());
}

public sealed class CancelTicketCommandValidator : AbstractValidator<CancelTicketCommand>
{
    public CancelTicketCommandValidator() => RuleFor(c => c.Body).SetValidator(new ReasonBodyValidator());
}

public sealed class ResolveTicketCommandValidator : AbstractValidator<ResolveTicketCommand>
{
    public ResolveTicketCommandValidator()
    {
        RuleFor(c => c.Body.ResolutionCode).NotEmpty().MaximumLength(Ticket.ResolutionCodeMaxLength);
        RuleFor(c => c.Body.Notes).NotEmpty().MaximumLength(Ticket.ReasonMaxLength);
    }
}

public sealed class EscalateTicketCommandValidator : AbstractValidator<EscalateTicketCommand>
{
    public EscalateTicketCommandValidator()
    {
        RuleFor(c => c.Body.Reason).NotEmpty().MaximumLength(Ticket.ReasonMaxLength);
        RuleFor(c => c.Body.Level).InclusiveBetween(2, Ticket.MaxEscalationLevel);
        RuleFor(c => c.Body.Group).MaximumLength(AssignmentGroup.NameMaxLength);
        RuleFor(c => c.Body.Level).NotNull().When(c => string.IsNullOrWhiteSpace(c.Body.Group))
            .WithMessage("Name a higher 'level' (hierarchical) or another 'group' (functional) to escalate to.");
    }
}

public sealed class UpdateTicketCommandValidator : AbstractValidator<UpdateTicketCommand>
{
    public UpdateTicketCommandValidator()
    {
        RuleFor(c => c.Body.Summary).NotEmpty().MaximumLength(Ticket.SummaryMaxLength);
        RuleFor(c => c.Body.Description).NotEmpty().MaximumLength(Ticket.DescriptionMaxLength);
        RuleFor(c => c.Body.Impact).NotNull().IsInEnum();
        RuleFor(c => c.Body.Urgency).NotNull().IsInEnum();
        RuleFor(c => c.Body.Category).NotNull().IsInEnum();
    }
}

public sealed class AddCommentCommandValidator : AbstractValidator<AddCommentCommand>
{
    public AddCommentCommandValidator()
    {
        RuleFor(c => c.Body.Body).NotEmpty().MaximumLength(TicketComment.BodyMaxLength);
        RuleFor(c => c.Body.Visibility).NotNull().IsInEnum();
    }
}

/// <summary>Every ticket action: load (scoped to the caller, version-checked), one domain method, save, map.</summary>
internal sealed class TicketActionsHandler(
    IServiceDeskDbContext db,
    ICurrentUser user,
    ISlaContexts slaContexts,
    IAssignmentGroups groups,
    TimeProvider clock)
    : ICommandHandler<AssignTicketCommand, TicketResponse>,
      ICommandHandler<SimpleTicketActionCommand, TicketResponse>,
      ICommandHandler<HoldTicketCommand, TicketResponse>,
      ICommandHandler<ResolveTicketCommand, TicketResponse>,
      ICommandHandler<ReopenTicketCommand, TicketResponse>,
      ICommandHandler<CancelTicketCommand, TicketResponse>,
      ICommandHandler<EscalateTicketCommand, TicketResponse>,
      ICommandHandler<UpdateTicketCommand, TicketResponse>,
      ICommandHandler<AddCommentCommand, CommentResponse>
{
    private Actor Actor => user.ToActor();

    public ValueTask<TicketResponse> Handle(AssignTicketCommand command, CancellationToken cancellationToken) =>
        Act(command, async (ticket, now, _) =>
        {
            var group = await KnownGroupAsync(command.Body.Group!, "group", cancellationToken);
            ticket.Assign(group, command.Body.Assignee, Actor, now);
        }, cancellationToken);

    public ValueTask<TicketResponse> Handle(SimpleTicketActionCommand command, CancellationToken cancellationToken) =>
        Act(command, (ticket, now, sla) =>
        {
            switch (command.Action)
            {
                case TicketAction.Start:
                    ticket.Start(Actor, now, sla);
                    break;
                case TicketAction.Resume:
                    ticket.Resume(Actor, now, sla);
                    break;
                default:
                    ticket.Close(Actor, now);
                    break;
            }

            return Task.CompletedTask;
        }, cancellationToken);

    public ValueTask<TicketResponse> Handle(HoldTicketCommand command, CancellationToken cancellationToken) =>
        Act(command, (ticket, now, sla) => Done(() => ticket.Hold(command.Body.Reason!, Actor, now, sla)), cancellationToken);

    public ValueTask<TicketResponse> Handle(ResolveTicketCommand command, CancellationToken cancellationToken) =>
        Act(command, (ticket, now, sla) => Done(() => ticket.Resolve(command.Body.ResolutionCode!, command.Body.Notes!, Actor, now, sla)), cancellationToken);

    public ValueTask<TicketResponse> Handle(ReopenTicketCommand command, CancellationToken cancellationToken) =>
        Act(command, (ticket, now, sla) => Done(() => ticket.Reopen(command.Body.Reason!, Actor, now, sla)), cancellationToken);

    public ValueTask<TicketResponse> Handle(CancelTicketCommand command, CancellationToken cancellationToken) =>
        Act(command, (ticket, now, sla) => Done(() => ticket.Cancel(command.Body.Reason!, Actor, now, sla)), cancellationToken);

    public ValueTask<TicketResponse> Handle(EscalateTicketCommand command, CancellationToken cancellationToken) =>
        Act(command, async (ticket, now, _) =>
        {
            var group = string.IsNullOrWhiteSpace(command.Body.Group) ? null : await KnownGroupAsync(command.Body.Group, "group", cancellationToken);
            ticket.Escalate(command.Body.Level, group, command.Body.Reason!, Actor, now);
        }, cancellationToken);

    public ValueTask<TicketResponse> Handle(UpdateTicketCommand command, CancellationToken cancellationToken) =>
        Act(command, (ticket, now, sla) => Done(() => ticket.UpdateDetails(
            command.Body.Summary!, command.Body.Description!, command.Body.Impact!.Value, command.Body.Urgency!.Value, command.Body.Category!.Value, Actor, now, sla)),
            cancellationToken);

    public async ValueTask<CommentResponse> Handle(AddCommentCommand command, CancellationToken cancellationToken)
    {
        var ticket = await db.LoadForUpdateAsync(user, command.Kind, command.Number, null, cancellationToken);
        var sla = await slaContexts.GetAsync(ticket.ServiceLevelCode, cancellationToken);
        var comment = ticket.AddComment(command.Body.Body!, command.Body.Visibility!.Value, Actor, clock.GetUtcNow(), sla);
        await db.SaveChangesAsync(cancellationToken);
        return comment.ToResponse();
    }

    private async ValueTask<TicketResponse> Act(TicketCommand command, Func<Ticket, DateTimeOffset, SlaContext, Task> action, CancellationToken cancellationToken)
    {
        var ticket = await db.LoadForUpdateAsync(user, command.Kind, command.Number, command.IfMatch, cancellationToken);
        var sla = await slaContexts.GetAsync(ticket.ServiceLevelCode, cancellationToken);
        await action(ticket, clock.GetUtcNow(), sla);
        await db.SaveChangesAsync(cancellationToken);
        return ticket.ToResponse();
    }

    private async Task<string> KnownGroupAsync(string name, string field, CancellationToken cancellationToken)
    {
        var all = await groups.AllAsync(cancellationToken);
        return all.FirstOrDefault(g => string.Equals(g.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))?.Name
            ?? throw new RequestValidationException(field, $"There is no assignment group '{name}'. Known groups: {string.Join(", ", all.Select(g => g.Name))}.");
    }

    private static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }
}
