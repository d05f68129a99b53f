using FluentValidation;
using Mediator;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Reopens a resolved ticket (not fixed).</summary>
public sealed record ReopenTicketCommand(TicketKind Kind, string Number, string? IfMatch, ReasonBody Body) : TicketCommand(Kind, Number, IfMatch);

public sealed class ReopenTicketCommandValidator : AbstractValidator<ReopenTicketCommand>
{
    public ReopenTicketCommandValidator() => RuleFor(c => c.Body).SetValidator(new ReasonBodyValidator());
}

internal sealed class ReopenTicketHandler(TicketWrites tickets) : ICommandHandler<ReopenTicketCommand, TicketResponse>
{
    public ValueTask<TicketResponse> Handle(ReopenTicketCommand command, CancellationToken cancellationToken) =>
        tickets.ApplyAsync(command, (ticket, write) => ticket.Reopen(command.Body.Reason!, write.By, write.At, write.Sla), cancellationToken);
}
