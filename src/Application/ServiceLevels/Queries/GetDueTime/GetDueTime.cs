using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Exceptions;

namespace ServiceDesk.Application.ServiceLevels.Queries;

/// <summary>When <paramref name="Minutes"/> business minutes from <paramref name="Start"/> fall due on a calendar.</summary>
public sealed record GetDueTimeQuery(string Code, DateTimeOffset? Start, long? Minutes) : IQuery<DueTimeResponse>;

public sealed class GetDueTimeQueryValidator : AbstractValidator<GetDueTimeQuery>
{
    /// <summary>About ten years of round-the-clock time: far beyond any target, small enough to stay cheap.</summary>
    public const long MaxMinutes = 5_300_000;

    public GetDueTimeQueryValidator()
    {
        RuleFor(q => q.Start).NotNull().WithMessage("'start' is required: an instant such as 2026-11-20T09:00:00Z.");
        RuleFor(q => q.Minutes).NotNull().InclusiveBetween(0, MaxMinutes);
    }
}

/// <summary>Asks the calendar's cached schedule, exactly as the SLA clocks do.</summary>
internal sealed class GetDueTimeHandler(IBusinessCalendars calendars) : IQueryHandler<GetDueTimeQuery, DueTimeResponse>
{
    public async ValueTask<DueTimeResponse> Handle(GetDueTimeQuery query, CancellationToken cancellationToken)
    {
        var schedule = await calendars.GetScheduleAsync(query.Code, cancellationToken);
        var start = query.Start!.Value.ToUniversalTime();
        var minutes = query.Minutes!.Value;
        try
        {
            return new DueTimeResponse(query.Code, start, minutes, schedule.AddBusinessMinutes(start, minutes));
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new RequestValidationException("minutes", "The due time falls beyond the last date the calendar can represent.");
        }
    }
}
