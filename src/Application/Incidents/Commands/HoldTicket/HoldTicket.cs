using FluentValidation;
using Mediator;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Puts a ticket on hold (the resolution clock pauses).</summary>
public sealed record HoldTicketCommand(TicketKind Kind, string Number, string? IfMatch, ReasonBody Body) : TicketCommand(Kind, Number, IfMatch);

public sealed class HoldTicketCommandValidator : AbstractValidator<HoldTicketCommand>
{
    public HoldTicketCommandValidator() => RuleFor(c => c.Body).SetValidator(new ReasonBodyValidator());
}

internal sealed class HoldTicketHandler(TicketWrites tickets) : ICommandHandler<HoldTicketCommand, TicketResponse>
{
    public ValueTask<TicketResponse> Handle(HoldTicketCommand command, CancellationToken cancellationToken) =>
        tickets.ApplyAsync(command, (ticket, write) => ticket.Hold(command.Body.Reason!, write.By, write.At, write.Sla), cancellationToken);
}
