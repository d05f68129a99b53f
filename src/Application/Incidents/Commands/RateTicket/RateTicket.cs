using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Body of <c>satisfaction</c>: the seven-level scale, 7 very satisfied .. 1 very dissatisfied.</summary>
/// <param name="Overall" example="6">Overall satisfaction, 1..7.</param>
/// <param name="Reliability" example="7">Reliability: the service was delivered as promised, 1..7.</param>
/// <param name="Responsiveness" example="6">Responsiveness: prompt help, 1..7.</param>
/// <param name="Assurance" example="5">Assurance: competence and courtesy, 1..7.</param>
/// <param name="Empathy" example="4">Empathy: individual attention, 1..7.</param>
/// <param name="Tangibles" example="3">Tangibles: tools, reports, communication, 1..7.</param>
/// <param name="Comment" example="Fixed quickly, but nobody called back.">Optional.</param>
public sealed record SatisfactionBody(int? Overall, int? Reliability, int? Responsiveness, int? Assurance, int? Empathy, int? Tangibles, string? Comment);

/// <summary>The customer rates a resolved (or closed) ticket, once.</summary>
public sealed record RateTicketCommand(TicketKind Kind, string Number, SatisfactionBody Body) : ICommand<SatisfactionResponse>;

public sealed class RateTicketCommandValidator : AbstractValidator<RateTicketCommand>
{
    public RateTicketCommandValidator()
    {
        RuleFor(c => c.Body.Overall).NotNull().InclusiveBetween(SatisfactionRating.MinValue, SatisfactionRating.MaxValue);
        RuleFor(c => c.Body.Reliability).NotNull().InclusiveBetween(SatisfactionRating.MinValue, SatisfactionRating.MaxValue);
        RuleFor(c => c.Body.Responsiveness).NotNull().InclusiveBetween(SatisfactionRating.MinValue, SatisfactionRating.MaxValue);
        RuleFor(c => c.Body.Assurance).NotNull().InclusiveBetween(SatisfactionRating.MinValue, SatisfactionRating.MaxValue);
        RuleFor(c => c.Body.Empathy).NotNull().InclusiveBetween(SatisfactionRating.MinValue, SatisfactionRating.MaxValue);
        RuleFor(c => c.Body.Tangibles).NotNull().InclusiveBetween(SatisfactionRating.MinValue, SatisfactionRating.MaxValue);
        RuleFor(c => c.Body.Comment).MaximumLength(SatisfactionRating.CommentMaxLength);
    }
}

/// <summary>
/// Rates through the shared write path (version-checked save). Two ratings racing on the same ticket: the loser's
/// save fails on the version; if the ticket has been rated meanwhile, that is reported as already-rated (409), not
/// as a stale version (412).
/// </summary>
internal sealed class RateTicketHandler(TicketWrites tickets, IServiceDeskDbContext db, ICurrentUser user, SatisfactionWeights weights)
    : ICommandHandler<RateTicketCommand, SatisfactionResponse>
{
    public async ValueTask<SatisfactionResponse> Handle(RateTicketCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var values = new SatisfactionValues(body.Overall!.Value, body.Reliability!.Value, body.Responsiveness!.Value, body.Assurance!.Value, body.Empathy!.Value,
            body.Tangibles!.Value);
        try
        {
            var rating = await tickets.ApplyAsync(command.Kind, command.Number, ifMatch: null,
                (ticket, write) => ValueTask.FromResult(ticket.Rate(values, body.Comment, write.By, write.At)), cancellationToken);
            return rating.ToResponse().Scored(weights);
        }
        catch (DbUpdateConcurrencyException)
        {
            if (await RatedMeanwhileAsync(command, cancellationToken))
                throw DomainException.AlreadyRated($"The {TicketAccess.Noun(command.Kind).ToLowerInvariant()} {command.Number} has already been rated.");
            throw;
        }
    }

    private async Task<bool> RatedMeanwhileAsync(RateTicketCommand command, CancellationToken cancellationToken) =>
        (await db.LoadVisibleAsync(user, command.Kind, command.Number, cancellationToken)).Satisfaction is not null;
}
