using FluentValidation;
using Mediator;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Body of <c>resolve</c>.</summary>
/// <param name="ResolutionCode" example="Fixed">A short code.</param>
/// <param name="Notes" example="Replaced the failed line card.">What was done.</param>
public sealed record ResolveBody(string? ResolutionCode, string? Notes);

/// <summary>Resolves a ticket (the resolution clock stops).</summary>
public sealed record ResolveTicketCommand(TicketKind Kind, string Number, string? IfMatch, ResolveBody Body) : TicketCommand(Kind, Number, IfMatch);

public sealed class ResolveTicketCommandValidator : AbstractValidator<ResolveTicketCommand>
{
    public ResolveTicketCommandValidator()
    {
        RuleFor(c => c.Body.ResolutionCode).NotEmpty().MaximumLength(Ticket.ResolutionCodeMaxLength);
        RuleFor(c => c.Body.Notes).NotEmpty().MaximumLength(Ticket.ReasonMaxLength);
    }
}

internal sealed class ResolveTicketHandler(TicketWrites tickets) : ICommandHandler<ResolveTicketCommand, TicketResponse>
{
    public ValueTask<TicketResponse> Handle(ResolveTicketCommand command, CancellationToken cancellationToken) =>
        tickets.ApplyAsync(command, (ticket, write) => ticket.Resolve(command.Body.ResolutionCode!, command.Body.Notes!, write.By, write.At, write.Sla), cancellationToken);
}
