using Mediator;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Starts work on a ticket (acknowledges it).</summary>
public sealed record StartTicketCommand(TicketKind Kind, string Number, string? IfMatch) : TicketCommand(Kind, Number, IfMatch);

internal sealed class StartTicketHandler(TicketWrites tickets) : ICommandHandler<StartTicketCommand, TicketResponse>
{
    public ValueTask<TicketResponse> Handle(StartTicketCommand command, CancellationToken cancellationToken) =>
        tickets.ApplyAsync(command, (ticket, write) => ticket.Start(write.By, write.At, write.Sla), cancellationToken);
}
