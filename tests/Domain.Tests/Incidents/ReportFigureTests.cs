using ServiceDesk.Domain.ServiceLevels;
using static ServiceDesk.Domain.Tests.Incidents.Tickets;
using static ServiceDesk.Domain.Tests.ServiceLevels.Calendars;

namespace ServiceDesk.Domain.Tests.Incidents;

/// <summary>
/// What the reports read, kept by the transitions (domain.md section 5, Reporting): the at-risk instant of a clock
/// and the times to acknowledge and resolve, in business minutes on 5X8-CN (09:00-12:00, 13:00-18:00 Shanghai,
/// Monday to Friday) and in clock minutes. Expected values are worked out by hand in the comments.
/// </summary>
public class ReportFigureTests
{
    [Fact]
    public void A_clock_is_at_risk_from_75_percent_of_its_target_in_business_time()
    {
        // SILVER P1: response 60, resolution 480, opened Monday 09:00.
        var ticket = Open(MondayNine, Priority.P1);

        // Response: 45 business minutes -> 09:45. Resolution: 360 -> 09:00-12:00 (180) + 13:00-16:00 (180) = 16:00,
        // not 15:00 as 75 % of the 9 wall-clock hours to 18:00 would be: the lunch hour does not count.
        Assert.Equal(At("2026-03-09T09:45+08:00"), ticket.Response.AtRiskFrom);
        Assert.Equal(At("2026-03-09T16:00+08:00"), ticket.Resolution.AtRiskFrom);
    }

    [Fact]
    public void A_paused_clock_is_not_at_risk_and_resuming_moves_the_instant_by_the_paused_time()
    {
        var sla = Sla.Silver;
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine.AddMinutes(10));
        ticket.Start(Agent, MondayNine.AddMinutes(20), sla);

        ticket.Hold("Waiting for the customer", Agent, At("2026-03-09T10:00+08:00"), sla);

        Assert.Null(ticket.Resolution.AtRiskFrom);
        Assert.Null(ticket.Response.AtRiskFrom); // stopped at acknowledgement

        // 60 minutes used before the hold; 300 more from Tuesday 09:00: 09:00-12:00 (180) + 13:00-15:00 (120).
        ticket.Resume(Agent, At("2026-03-10T09:00+08:00"), sla);

        Assert.Equal(At("2026-03-10T15:00+08:00"), ticket.Resolution.AtRiskFrom);
    }

    [Fact]
    public void Acknowledge_and_resolve_record_business_and_clock_minutes_with_lunch_weekend_and_pause_left_out()
    {
        var sla = Sla.Silver;
        // Friday 2026-03-06 11:00 Shanghai.
        var ticket = Open(At("2026-03-06T11:00+08:00"), Priority.P1);
        ticket.Assign("Service Desk", Agent.Name, Agent, At("2026-03-06T11:05+08:00"));

        ticket.Start(Agent, At("2026-03-06T14:00+08:00"), sla);

        // 11:00-12:00 (60) + 13:00-14:00 (60) = 120 business minutes; 180 on the clock.
        Assert.Equal(120, ticket.AcknowledgeBusinessMinutes);
        Assert.Equal(180, ticket.AcknowledgeClockMinutes);

        ticket.Hold("Waiting for a part", Agent, At("2026-03-06T16:00+08:00"), sla);
        ticket.Resume(Agent, At("2026-03-09T10:00+08:00"), sla);
        ticket.Resolve("FIXED", "Replaced the part.", Agent, At("2026-03-09T14:30+08:00"), sla);

        // Counting: Fri 11:00-12:00 (60) + 13:00-16:00 (180); paused Fri 16:00 - Mon 10:00; Mon 10:00-12:00 (120) + 13:00-14:30 (90).
        Assert.Equal(450, ticket.ResolveBusinessMinutes);
        // Friday 11:00 to Monday 14:30: 3 days and 3.5 hours = 4530 minutes, the pause and the weekend included.
        Assert.Equal(4_530, ticket.ResolveClockMinutes);
        Assert.Equal(At("2026-03-09T14:30+08:00"), ticket.LastResolvedAt);
        Assert.Null(ticket.LastReopenedAt);
    }

    [Fact]
    public void A_reopen_is_dated_and_the_next_resolution_replaces_the_figures()
    {
        var sla = Sla.Silver;
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine);
        ticket.Start(Agent, MondayNine, sla);
        ticket.Resolve("FIXED", "Restarted.", Agent, At("2026-03-09T10:00+08:00"), sla);

        ticket.Reopen("Still broken", CustomerUser, At("2026-03-09T11:00+08:00"), sla);

        Assert.Equal(At("2026-03-09T11:00+08:00"), ticket.LastReopenedAt);
        Assert.Equal(At("2026-03-09T10:00+08:00"), ticket.LastResolvedAt);
        Assert.Equal(60, ticket.ResolveBusinessMinutes);

        ticket.Resolve("FIXED", "Replaced the disk.", Agent, At("2026-03-09T14:00+08:00"), sla);

        // 60 before the reopen, then 11:00-12:00 (60) + 13:00-14:00 (60): the time between resolution and reopen does not count.
        Assert.Equal(180, ticket.ResolveBusinessMinutes);
        Assert.Equal(300, ticket.ResolveClockMinutes);
        Assert.Equal(At("2026-03-09T14:00+08:00"), ticket.LastResolvedAt);
    }
}
