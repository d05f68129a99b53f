using FluentValidation;
using Mediator;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Body of <c>assign</c>.</summary>
/// <param name="Group" example="Infrastructure">The assignment group's name.</param>
/// <param name="Assignee" example="li.wei">The agent, free text; optional.</param>
public sealed record AssignBody(string? Group, string? Assignee);

/// <summary>Assigns a ticket to a known group, and optionally to a person.</summary>
public sealed record AssignTicketCommand(TicketKind Kind, string Number, string? IfMatch, AssignBody Body) : TicketCommand(Kind, Number, IfMatch);

public sealed class AssignTicketCommandValidator : AbstractValidator<AssignTicketCommand>
{
    public AssignTicketCommandValidator()
    {
        RuleFor(c => c.Body.Group).NotEmpty().MaximumLength(AssignmentGroup.NameMaxLength);
        RuleFor(c => c.Body.Assignee).MaximumLength(Ticket.AssigneeMaxLength);
    }
}

internal sealed class AssignTicketHandler(TicketWrites tickets, IAssignmentGroups groups) : ICommandHandler<AssignTicketCommand, TicketResponse>
{
    public ValueTask<TicketResponse> Handle(AssignTicketCommand command, CancellationToken cancellationToken) =>
        tickets.ApplyAsync(command, async (ticket, write) =>
        {
            var group = await groups.KnownGroupAsync(command.Body.Group!, "group", cancellationToken);
            ticket.Assign(group, command.Body.Assignee, write.By, write.At);
        }, cancellationToken);
}
