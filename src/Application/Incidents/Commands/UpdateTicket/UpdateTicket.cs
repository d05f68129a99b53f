using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>The editable fields of a ticket (PATCH merges into them).</summary>
/// <param name="Summary" example="Core switch in building B is down">One line.</param>
/// <param name="Description">What happened.</param>
/// <param name="Impact" example="High">A new impact re-derives the priority.</param>
/// <param name="Urgency" example="High">A new urgency re-derives the priority.</param>
/// <param name="Category" example="Incident">Incident, Complaint, Request or Inquiry.</param>
public sealed record TicketDetailsBody(string? Summary, string? Description, Impact? Impact, Urgency? Urgency, TicketCategory? Category);

/// <summary>Replaces a ticket's editable fields (PATCH, after the merge); a new priority re-targets the clocks.</summary>
public sealed record UpdateTicketCommand(TicketKind Kind, string Number, string? IfMatch, TicketDetailsBody Body) : TicketCommand(Kind, Number, IfMatch);

public sealed class UpdateTicketCommandValidator : AbstractValidator<UpdateTicketCommand>
{
    public UpdateTicketCommandValidator()
    {
        RuleFor(c => c.Body.Summary).NotEmpty().MaximumLength(Ticket.SummaryMaxLength);
        RuleFor(c => c.Body.Description).NotEmpty().MaximumLength(Ticket.DescriptionMaxLength);
        RuleFor(c => c.Body.Impact).NotNull().IsDefinedEnum();
        RuleFor(c => c.Body.Urgency).NotNull().IsDefinedEnum();
        RuleFor(c => c.Body.Category).NotNull().IsDefinedEnum();
    }
}

internal sealed class UpdateTicketHandler(TicketWrites tickets) : ICommandHandler<UpdateTicketCommand, TicketResponse>
{
    public ValueTask<TicketResponse> Handle(UpdateTicketCommand command, CancellationToken cancellationToken) =>
        tickets.ApplyAsync(command, (ticket, write) => ticket.UpdateDetails(
            command.Body.Summary!, command.Body.Description!, command.Body.Impact!.Value, command.Body.Urgency!.Value, command.Body.Category!.Value,
            write.By, write.At, write.Sla), cancellationToken);
}
