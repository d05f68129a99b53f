using FluentValidation;
using Mediator;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Cancels an open ticket (duplicate, raised in error).</summary>
public sealed record CancelTicketCommand(TicketKind Kind, string Number, string? IfMatch, ReasonBody Body) : TicketCommand(Kind, Number, IfMatch);

public sealed class CancelTicketCommandValidator : AbstractValidator<CancelTicketCommand>
{
    public CancelTicketCommandValidator() => RuleFor(c => c.Body).SetValidator(new ReasonBodyValidator());
}

internal sealed class CancelTicketHandler(TicketWrites tickets) : ICommandHandler<CancelTicketCommand, TicketResponse>
{
    public ValueTask<TicketResponse> Handle(CancelTicketCommand command, CancellationToken cancellationToken) =>
        tickets.ApplyAsync(command, (ticket, write) => ticket.Cancel(command.Body.Reason!, write.By, write.At, write.Sla), cancellationToken);
}
