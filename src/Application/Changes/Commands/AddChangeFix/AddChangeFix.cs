using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Application.Changes.Commands;

/// <summary>Body of <c>POST /changes/{number}/fixes</c>: exactly one of the two.</summary>
/// <param name="IncidentNumber" example="INC000042">An incident the change fixes.</param>
/// <param name="ProblemNumber" example="PRB000007">A problem the change fixes.</param>
public sealed record FixBody(string? IncidentNumber, string? ProblemNumber);

/// <summary>Records an incident or a problem the change fixes; it must exist.</summary>
public sealed record AddChangeFixCommand(string Number, string? IfMatch, FixBody Body) : ICommand<ChangeResponse>;

public sealed class AddChangeFixCommandValidator : AbstractValidator<AddChangeFixCommand>
{
    public AddChangeFixCommandValidator()
    {
        RuleFor(c => c.Body.IncidentNumber).NotEmpty().When(c => string.IsNullOrWhiteSpace(c.Body.ProblemNumber))
            .WithMessage("Name the 'incidentNumber' or the 'problemNumber' the change fixes.");
        RuleFor(c => c.Body.ProblemNumber).Empty().When(c => !string.IsNullOrWhiteSpace(c.Body.IncidentNumber))
            .WithMessage("Name either an 'incidentNumber' or a 'problemNumber', not both.");
        RuleFor(c => c.Body.IncidentNumber).MaximumLength(DeskRecord.NumberMaxLength);
        RuleFor(c => c.Body.ProblemNumber).MaximumLength(DeskRecord.NumberMaxLength);
    }
}

internal sealed class AddChangeFixHandler(IServiceDeskDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AddChangeFixCommand, ChangeResponse>
{
    public async ValueTask<ChangeResponse> Handle(AddChangeFixCommand command, CancellationToken cancellationToken)
    {
        var change = await db.LoadChangeForUpdateAsync(command.Number, command.IfMatch, cancellationToken);
        var now = clock.GetUtcNow();
        if (!string.IsNullOrWhiteSpace(command.Body.IncidentNumber))
        {
            var incident = command.Body.IncidentNumber.Trim();
            if (!await db.Tickets.AnyAsync(t => t.Number == incident && t.Kind == TicketKind.Incident, cancellationToken))
                throw new RequestValidationException("incidentNumber", $"Incident '{incident}' does not exist.");
            change.AddFixedIncident(incident, user.ToActor(), now);
        }
        else
        {
            var problem = command.Body.ProblemNumber!.Trim();
            if (!await db.Problems.AnyAsync(p => p.Number == problem, cancellationToken))
                throw new RequestValidationException("problemNumber", $"Problem '{problem}' does not exist.");
            change.AddFixedProblem(problem, user.ToActor(), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return change.ToResponse();
    }
}
