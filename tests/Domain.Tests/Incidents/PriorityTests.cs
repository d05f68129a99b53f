using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;
using static ServiceDesk.Domain.Tests.Incidents.Tickets;
using static ServiceDesk.Domain.Tests.ServiceLevels.Calendars;

namespace ServiceDesk.Domain.Tests.Incidents;

/// <summary>Priority from impact x urgency, complaints, and what a priority change does to the clocks (domain.md 3 to 5).</summary>
public class PriorityTests
{
    [Theory]
    [InlineData(Impact.High, Urgency.High, Priority.P1)]
    [InlineData(Impact.High, Urgency.Medium, Priority.P2)]
    [InlineData(Impact.Medium, Urgency.High, Priority.P2)]
    [InlineData(Impact.High, Urgency.Low, Priority.P3)]
    [InlineData(Impact.Low, Urgency.High, Priority.P3)]
    [InlineData(Impact.Medium, Urgency.Medium, Priority.P3)]
    [InlineData(Impact.Medium, Urgency.Low, Priority.P3)] // the matrix says P4
    [InlineData(Impact.Low, Urgency.Medium, Priority.P3)] // the matrix says P4
    [InlineData(Impact.Low, Urgency.Low, Priority.P3)] // the matrix says P4
    public void A_complaint_is_P3_unless_impact_and_urgency_say_more(Impact impact, Urgency urgency, Priority expected)
    {
        var ticket = Open(MondayNine, impact, urgency, category: TicketCategory.Complaint);

        Assert.Equal(expected, ticket.Priority);
        Assert.Equal(Sla.Silver.Level.TargetFor(expected).ResolutionMinutes, ticket.Resolution.TargetMinutes);
    }

    [Fact]
    public void An_incident_follows_the_matrix_down_to_P4()
    {
        var ticket = Open(MondayNine, Impact.Low, Urgency.Low);

        Assert.Equal(Priority.P4, ticket.Priority);
    }

    [Fact]
    public void Turning_a_P4_incident_into_a_complaint_raises_it_to_P3_and_retargets()
    {
        var ticket = Open(MondayNine, Impact.Low, Urgency.Low);

        ticket.UpdateDetails("Mail server down", "Third time this month.", Impact.Low, Urgency.Low, TicketCategory.Complaint, Agent, At("2026-03-09T09:30+08:00"), Sla.Silver);

        Assert.Equal(Priority.P3, ticket.Priority);
        Assert.Equal(At("2026-03-09T06:00Z"), ticket.Response.DueAt); // 240 from Mon 09:00: 14:00
        Assert.Equal(At("2026-03-13T10:00Z"), ticket.Resolution.DueAt); // 2,400: Fri 18:00
    }

    [Fact]
    public void A_priority_change_before_acknowledgement_retargets_both_clocks_from_the_same_start()
    {
        // P3 opened Mon 09:00, raised to P1 at 09:30: response 60 from 09:00 (10:00), resolution 480 (18:00).
        var ticket = Open(MondayNine, Priority.P3);

        ticket.UpdateDetails("Mail server down", "Whole company affected.", Impact.High, Urgency.High, TicketCategory.Incident, Agent, At("2026-03-09T09:30+08:00"), Sla.Silver);

        Assert.Equal(Priority.P1, ticket.Priority);
        Assert.Equal(MondayNine, ticket.Response.StartedAt);
        Assert.Equal(MondayNine, ticket.Resolution.StartedAt);
        Assert.Equal(60, ticket.Response.TargetMinutes);
        Assert.Equal(480, ticket.Resolution.TargetMinutes);
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.Response.DueAt);
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.Resolution.DueAt);
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.QueueDueAt);
        Assert.Equal(At("2026-03-09T01:45Z"), ticket.NextCheckAt);
        var change = Assert.Single(ticket.NewHistory, h => h.Action == "priority");
        Assert.Equal(("P3", "P1"), (change.OldValue, change.NewValue));
    }

    [Fact]
    public void A_priority_change_after_acknowledgement_keeps_the_response_met_and_retargets_resolution()
    {
        var ticket = Open(MondayNine, Priority.P3);
        ticket.Assign("Service Desk", Agent.Name, Agent, At("2026-03-09T09:10+08:00"));
        ticket.Start(Agent, At("2026-03-09T09:30+08:00"), Sla.Silver);

        ticket.UpdateDetails("Mail server down", "Whole company affected.", Impact.High, Urgency.High, TicketCategory.Incident, Agent, At("2026-03-09T10:00+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Met, ticket.Response.State);
        Assert.Equal(240, ticket.Response.TargetMinutes);
        Assert.Equal(At("2026-03-09T01:30Z"), ticket.Response.StoppedAt);
        Assert.Equal(480, ticket.Resolution.TargetMinutes);
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.Resolution.DueAt);
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.QueueDueAt);
    }

    [Fact]
    public void Lowering_the_priority_gives_the_clocks_more_time()
    {
        var ticket = Open(MondayNine, Priority.P1);

        ticket.UpdateDetails("Mail server down", "Only one mailbox.", Impact.Low, Urgency.Low, TicketCategory.Incident, Agent, At("2026-03-09T09:30+08:00"), Sla.Silver);

        Assert.Equal(Priority.P4, ticket.Priority);
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.Response.DueAt); // 480 from Mon 09:00: Mon 18:00
        Assert.Equal(At("2026-03-20T10:00Z"), ticket.Resolution.DueAt); // 4,800: Fri 20 Mar 18:00
    }

    [Fact]
    public void A_priority_change_keeps_the_elapsed_and_paused_time_of_the_resolution_clock()
    {
        // P3: 120 minutes counted Mon 09:00-11:00, on hold until Tue 10:00 (420 paused), raised to P1 Tue 11:00.
        var ticket = Open(MondayNine, Priority.P3);
        ticket.Assign("Service Desk", Agent.Name, Agent, At("2026-03-09T09:30+08:00"));
        ticket.Start(Agent, At("2026-03-09T10:00+08:00"), Sla.Silver);
        ticket.Hold("Waiting for the customer", Agent, At("2026-03-09T11:00+08:00"), Sla.Silver);
        ticket.Resume(Agent, At("2026-03-10T10:00+08:00"), Sla.Silver);

        ticket.UpdateDetails("Mail server down", "Whole company affected.", Impact.High, Urgency.High, TicketCategory.Incident, Agent, At("2026-03-10T11:00+08:00"), Sla.Silver);

        // 480 - 120 = 360 from Tue 10:00: 120 before lunch, 240 after: Tue 17:00.
        Assert.Equal(MondayNine, ticket.Resolution.StartedAt);
        Assert.Equal(420, ticket.Resolution.PausedMinutes);
        Assert.Equal(180, ticket.Resolution.ElapsedMinutes(At("2026-03-10T11:00+08:00"), FiveByEightCn));
        Assert.Equal(At("2026-03-10T09:00Z"), ticket.Resolution.DueAt);
    }

    [Fact]
    public void A_priority_change_while_on_hold_applies_when_the_clock_resumes()
    {
        var ticket = Open(MondayNine, Priority.P3);
        ticket.Assign("Service Desk", Agent.Name, Agent, At("2026-03-09T09:30+08:00"));
        ticket.Start(Agent, At("2026-03-09T10:00+08:00"), Sla.Silver);
        ticket.Hold("Waiting for the customer", Agent, At("2026-03-09T11:00+08:00"), Sla.Silver);

        ticket.UpdateDetails("Mail server down", "Whole company affected.", Impact.High, Urgency.High, TicketCategory.Incident, Agent, At("2026-03-09T15:00+08:00"), Sla.Silver);
        Assert.Equal(SlaClockState.Paused, ticket.Resolution.State);
        Assert.Equal(480, ticket.Resolution.TargetMinutes);
        Assert.Null(ticket.Resolution.DueAt);
        Assert.Equal(Ticket.NotDue, ticket.QueueDueAt);

        ticket.Resume(Agent, At("2026-03-10T10:00+08:00"), Sla.Silver);
        Assert.Equal(At("2026-03-10T09:00Z"), ticket.Resolution.DueAt); // 360 left from Tue 10:00: Tue 17:00
    }

    [Fact]
    public void A_breached_clock_stays_breached_after_a_priority_change()
    {
        var ticket = Open(MondayNine, Priority.P1);
        ticket.CheckSla(At("2026-03-09T10:01+08:00"), Sla.Silver);
        Assert.Equal(SlaClockState.Breached, ticket.Response.State);

        ticket.UpdateDetails("Mail server down", "Only one mailbox.", Impact.Low, Urgency.Low, TicketCategory.Incident, Agent, At("2026-03-09T10:30+08:00"), Sla.Silver);

        Assert.Equal(Priority.P4, ticket.Priority);
        Assert.Equal(SlaClockState.Breached, ticket.Response.State);
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.Response.BreachedAt);
        Assert.Equal(60, ticket.Response.TargetMinutes);
        Assert.Equal(At("2026-03-20T10:00Z"), ticket.Resolution.DueAt);
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.QueueDueAt); // the breached response clock still counts: first in the queue
    }

    [Fact]
    public void A_met_resolution_stays_met_after_a_priority_change_on_the_resolved_ticket()
    {
        var ticket = In(TicketStatus.Resolved);
        var stoppedAt = ticket.Resolution.StoppedAt;

        ticket.UpdateDetails("Mail server down", "Whole company affected.", Impact.High, Urgency.High, TicketCategory.Incident, Agent, At("2026-03-09T11:00+08:00"), Sla.Silver);

        Assert.Equal(Priority.P1, ticket.Priority);
        Assert.Equal(SlaClockState.Met, ticket.Resolution.State);
        Assert.Equal(stoppedAt, ticket.Resolution.StoppedAt);
        Assert.Equal(SlaClockState.Met, ticket.Response.State);
        Assert.Equal(Ticket.NotDue, ticket.QueueDueAt);
    }

    [Fact]
    public void Raising_the_priority_past_a_warning_threshold_still_gets_its_warning()
    {
        // P3 opened Mon 09:00, raised to P1 at 09:50: 50 of 60 response minutes used, past 75% (09:45).
        var ticket = Open(MondayNine, Priority.P3);
        var raised = At("2026-03-09T09:50+08:00");

        ticket.UpdateDetails("Mail server down", "Whole company affected.", Impact.High, Urgency.High, TicketCategory.Incident, Agent, raised, Sla.Silver);
        Assert.True(ticket.NextCheckAt <= raised, "the monitor must look at once");

        ticket.CheckSla(raised, Sla.Silver);

        Assert.Equal([("sla.warning", 75)], ticket.SlaEvents(SlaClockKind.Response));
    }

    [Fact]
    public void Raising_the_priority_past_the_new_due_time_is_a_breach_at_the_new_due_time_and_is_reported()
    {
        // P3 opened Mon 09:00, raised to P1 at 11:00: the new response due time, Mon 10:00, has passed.
        var ticket = Open(MondayNine, Priority.P3);
        var raised = At("2026-03-09T11:00+08:00");

        ticket.UpdateDetails("Mail server down", "Whole company affected.", Impact.High, Urgency.High, TicketCategory.Incident, Agent, raised, Sla.Silver);
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.Response.DueAt);
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.QueueDueAt);

        ticket.CheckSla(raised, Sla.Silver);

        Assert.Equal(SlaClockState.Breached, ticket.Response.State);
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.Response.BreachedAt);
        Assert.Equal(
            [("sla.warning", 75), ("sla.warning", 90), ("sla.breached", 100)],
            ticket.SlaEvents(SlaClockKind.Response));
    }

    [Fact]
    public void Acknowledging_after_a_priority_change_made_the_response_late_is_a_breach_at_the_new_due_time()
    {
        var ticket = Open(MondayNine, Priority.P3);
        ticket.Assign("Service Desk", Agent.Name, Agent, At("2026-03-09T09:10+08:00"));
        ticket.UpdateDetails("Mail server down", "Whole company affected.", Impact.High, Urgency.High, TicketCategory.Incident, Agent, At("2026-03-09T11:00+08:00"), Sla.Silver);

        ticket.Start(Agent, At("2026-03-09T11:05+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Breached, ticket.Response.State);
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.Response.BreachedAt);
        Assert.Single(ticket.Events<SlaBreached>());
    }

    [Fact]
    public void Editing_without_changing_impact_urgency_or_category_keeps_priority_and_due_times()
    {
        var ticket = Open(MondayNine, Priority.P3);
        var responseDue = ticket.Response.DueAt;
        var resolutionDue = ticket.Resolution.DueAt;

        ticket.UpdateDetails("Outgoing mail down", "Incoming mail works.", Impact.Medium, Urgency.Medium, TicketCategory.Incident, Agent, At("2026-03-09T09:30+08:00"), Sla.Silver);

        Assert.Equal(Priority.P3, ticket.Priority);
        Assert.Equal(responseDue, ticket.Response.DueAt);
        Assert.Equal(resolutionDue, ticket.Resolution.DueAt);
        Assert.DoesNotContain(ticket.NewHistory, h => h.Action == "priority");
        Assert.Equal(["summary", "description"], ticket.NewHistory.Where(h => h.Action == "updated").Select(h => h.Field));
    }
}
