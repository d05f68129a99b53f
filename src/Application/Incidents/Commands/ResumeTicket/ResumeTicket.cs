using Mediator;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Resumes work on a ticket after a hold.</summary>
public sealed record ResumeTicketCommand(TicketKind Kind, string Number, string? IfMatch) : TicketCommand(Kind, Number, IfMatch);

internal sealed class ResumeTicketHandler(TicketWrites tickets) : ICommandHandler<ResumeTicketCommand, TicketResponse>
{
    public ValueTask<TicketResponse> Handle(ResumeTicketCommand command, CancellationToken cancellationToken) =>
        tickets.ApplyAsync(command, (ticket, write) => ticket.Resume(write.By, write.At, write.Sla), cancellationToken);
}
