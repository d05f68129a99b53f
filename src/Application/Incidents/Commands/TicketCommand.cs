using Mediator;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>An action on a ticket, addressed by kind and number, conditional on If-Match when given.</summary>
public abstract record TicketCommand(TicketKind Kind, string Number, string? IfMatch) : ICommand<TicketResponse>;
