using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Incidents.Queries;

/// <summary>Both SLA clocks of a ticket as of now, in business minutes.</summary>
public sealed record GetTicketSlaQuery(TicketKind Kind, string Number) : IQuery<TicketSlaResponse>;

internal sealed class GetTicketSlaHandler(IServiceDeskDbContext db, ICurrentUser user, ISlaContexts slaContexts, TimeProvider clock)
    : IQueryHandler<GetTicketSlaQuery, TicketSlaResponse>
{
    public async ValueTask<TicketSlaResponse> Handle(GetTicketSlaQuery query, CancellationToken cancellationToken)
    {
        var ticket = await db.LoadVisibleAsync(user, query.Kind, query.Number, cancellationToken);
        var sla = await slaContexts.GetAsync(ticket.ServiceLevelCode, cancellationToken);
        var now = clock.GetUtcNow();
        return new TicketSlaResponse(ticket.Number, View(ticket.Response, sla.ResponseSchedule, now), View(ticket.Resolution, sla.ResolutionSchedule, now));
    }

    /// <summary>A clock as of now; a clock whose due time passed while counting reads Breached even before the monitor marks it.</summary>
    private static SlaClockResponse View(SlaClock clock, WorkingSchedule schedule, DateTimeOffset now)
    {
        var elapsed = clock.ElapsedMinutes(now, schedule);
        var state = clock.State == SlaClockState.Running && clock.DueAt is { } due && now > due ? SlaClockState.Breached : clock.State;
        return new SlaClockResponse(
            state,
            clock.TargetMinutes,
            elapsed,
            Math.Max(0, clock.TargetMinutes - elapsed),
            clock.PausedMinutesAt(now, schedule),
            clock.Percentage(now, schedule),
            clock.ProjectedDueAt(now, schedule),
            clock.CalendarCode);
    }
}
