using Mediator;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Closes a resolved ticket (the customer confirms).</summary>
public sealed record CloseTicketCommand(TicketKind Kind, string Number, string? IfMatch) : TicketCommand(Kind, Number, IfMatch);

internal sealed class CloseTicketHandler(TicketWrites tickets) : ICommandHandler<CloseTicketCommand, TicketResponse>
{
    public ValueTask<TicketResponse> Handle(CloseTicketCommand command, CancellationToken cancellationToken) =>
        tickets.ApplyAsync(command, (ticket, write) => ticket.Close(write.By, write.At), cancellationToken);
}
