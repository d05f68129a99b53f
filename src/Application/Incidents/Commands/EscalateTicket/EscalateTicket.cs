using FluentValidation;
using Mediator;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Body of <c>escalate</c>: a higher level (hierarchical), another group (functional), or both.</summary>
/// <param name="Level" example="2">Support level 2 or 3, above the current one.</param>
/// <param name="Group" example="Application Support">Another group to take it over.</param>
/// <param name="Reason" example="Needs a storage specialist">Why; required.</param>
public sealed record EscalateBody(int? Level, string? Group, string? Reason);

/// <summary>Escalates a ticket hierarchically (level), functionally (group), or both.</summary>
public sealed record EscalateTicketCommand(TicketKind Kind, string Number, string? IfMatch, EscalateBody Body) : TicketCommand(Kind, Number, IfMatch);

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

internal sealed class EscalateTicketHandler(TicketWrites tickets, IAssignmentGroups groups) : ICommandHandler<EscalateTicketCommand, TicketResponse>
{
    public ValueTask<TicketResponse> Handle(EscalateTicketCommand command, CancellationToken cancellationToken) =>
        tickets.ApplyAsync(command, async (ticket, write) =>
        {
            var group = string.IsNullOrWhiteSpace(command.Body.Group) ? null : await groups.KnownGroupAsync(command.Body.Group, "group", cancellationToken);
            ticket.Escalate(command.Body.Level, group, command.Body.Reason!, write.By, write.At);
        }, cancellationToken);
}
