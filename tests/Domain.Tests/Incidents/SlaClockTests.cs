using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;
using static ServiceDesk.Domain.Tests.Incidents.Tickets;
using static ServiceDesk.Domain.Tests.ServiceLevels.Calendars;

namespace ServiceDesk.Domain.Tests.Incidents;

/// <summary>
/// The response and resolution clocks of domain.md section 5. Expected instants are worked out by hand from the
/// calendars (local time in the comment, UTC in the assertion).
/// </summary>
public class SlaClockTests
{
    [Fact]
    public void Both_clocks_start_when_the_desk_accepts_the_ticket()
    {
        var ticket = Open(MondayNine, Priority.P3);

        Assert.Equal(MondayNine, ticket.OpenedAt);
        Assert.Equal(MondayNine, ticket.Response.StartedAt);
        Assert.Equal(MondayNine, ticket.Resolution.StartedAt);
        Assert.Equal(SlaClockState.Running, ticket.Response.State);
        Assert.Equal(SlaClockState.Running, ticket.Resolution.State);
        Assert.Equal(240, ticket.Response.TargetMinutes);
        Assert.Equal(2_400, ticket.Resolution.TargetMinutes);
        Assert.Equal("5X8-CN", ticket.Response.CalendarCode);
        Assert.Equal("5X8-CN", ticket.Resolution.CalendarCode);

        // Response: 09:00-12:00 + 13:00-14:00 Monday. Resolution: five whole working days, Friday 18:00.
        Assert.Equal(At("2026-03-09T06:00Z"), ticket.Response.DueAt);
        Assert.Equal(At("2026-03-13T10:00Z"), ticket.Resolution.DueAt);
        Assert.Equal(TimeSpan.Zero, ticket.Resolution.DueAt!.Value.Offset);
    }

    [Theory]
    [InlineData("2026-03-09T09:00+08:00", Priority.P1, "2026-03-09T02:00Z", "2026-03-09T10:00Z")] // Mon 10:00; Mon 18:00, not Tue 09:00
    [InlineData("2026-03-09T09:00+08:00", Priority.P2, "2026-03-09T03:00Z", "2026-03-10T10:00Z")] // Mon 11:00; Tue 18:00
    [InlineData("2026-03-09T09:00+08:00", Priority.P4, "2026-03-09T10:00Z", "2026-03-20T10:00Z")] // Mon 18:00; ten working days, Fri 20 18:00
    [InlineData("2026-03-09T11:30+08:00", Priority.P1, "2026-03-09T05:30Z", "2026-03-10T03:30Z")] // lunch skipped: Mon 13:30; 30 + 300 + 150: Tue 11:30
    [InlineData("2026-03-06T17:00+08:00", Priority.P3, "2026-03-09T04:00Z", "2026-03-13T09:00Z")] // Fri 17:00: 60 + 180 ends Mon 12:00; the spec's Fri 17:00
    public void Silver_due_times_are_counted_in_working_hours_of_5X8_CN(string opened, Priority priority, string responseDue, string resolutionDue)
    {
        var ticket = Open(At(opened), priority);

        Assert.Equal(priority, ticket.Priority);
        Assert.Equal(At(responseDue), ticket.Response.DueAt);
        Assert.Equal(At(resolutionDue), ticket.Resolution.DueAt);
    }

    [Theory]
    [InlineData("2026-03-07T10:00+08:00", Priority.P2, "2026-03-09T03:00Z", "2026-03-10T10:00Z")] // Saturday: from Mon 09:00, Mon 11:00 and Tue 18:00
    [InlineData("2026-03-09T20:00+08:00", Priority.P1, "2026-03-10T02:00Z", "2026-03-10T10:00Z")] // Mon 20:00: from Tue 09:00, Tue 10:00 and Tue 18:00
    [InlineData("2026-03-09T12:30+08:00", Priority.P1, "2026-03-09T06:00Z", "2026-03-10T04:00Z")] // lunch: from 13:00, 14:00; 300 + 180 ends Tue 12:00
    [InlineData("2026-03-09T07:00+08:00", Priority.P1, "2026-03-09T02:00Z", "2026-03-09T10:00Z")] // early: from 09:00, 10:00 and 18:00
    public void A_ticket_opened_outside_working_hours_counts_from_the_next_working_minute(string opened, Priority priority, string responseDue, string resolutionDue)
    {
        var ticket = Open(At(opened), priority);

        Assert.Equal(At(opened), ticket.Response.StartedAt);
        Assert.Equal(At(responseDue), ticket.Response.DueAt);
        Assert.Equal(At(resolutionDue), ticket.Resolution.DueAt);
    }

    [Theory]
    [InlineData("2026-10-01T10:00+08:00", Priority.P1, "2026-10-08T02:00Z", "2026-10-08T10:00Z")] // National Day: nothing counts until Thu 8 Oct 09:00
    [InlineData("2026-09-30T17:00+08:00", Priority.P1, "2026-09-30T10:00Z", "2026-10-08T09:00Z")] // 60 before the holidays, 420 after: Thu 8 Oct 17:00
    [InlineData("2026-10-09T17:00+08:00", Priority.P1, "2026-10-09T10:00Z", "2026-10-10T09:00Z")] // the make-up Saturday 10 Oct works: 60 + 180 + 240, Sat 17:00
    [InlineData("2026-10-10T10:00+08:00", Priority.P2, "2026-10-10T04:00Z", "2026-10-13T02:00Z")] // opened on the make-up Saturday: Sat 12:00; 420 + 480 + 60, Tue 10:00
    public void Holidays_are_skipped_and_extra_working_days_count(string opened, Priority priority, string responseDue, string resolutionDue)
    {
        var ticket = Open(At(opened), priority);

        Assert.Equal(At(responseDue), ticket.Response.DueAt);
        Assert.Equal(At(resolutionDue), ticket.Resolution.DueAt);
    }

    [Theory]
    [InlineData("2026-03-06T16:00-05:00", "2026-03-09T14:00Z", "2026-03-10T20:00Z")] // spring forward Sun 8 Mar: Mon 10:00 EDT (not 15:00Z), Tue 16:00 EDT
    [InlineData("2026-10-30T16:00-04:00", "2026-11-02T15:00Z", "2026-11-03T21:00Z")] // fall back Sun 1 Nov: Mon 10:00 EST (not 14:00Z), Tue 16:00 EST
    public void Due_times_on_a_daylight_saving_calendar_follow_the_local_working_hours_across_the_switch(string opened, string responseDue, string resolutionDue)
    {
        // New York 09:00-17:00 on weekdays, P2 120/960: 60 minutes on Friday, the rest from Monday 09:00 local time.
        var ticket = Open(At(opened), Priority.P2, Sla.NewYork);

        Assert.Equal(At(responseDue), ticket.Response.DueAt);
        Assert.Equal(At(resolutionDue), ticket.Resolution.DueAt);
    }

    [Fact]
    public void Bronze_answers_on_the_24x7_calendar_and_resolves_in_working_hours()
    {
        // Saturday 10:00: response 240 clock minutes, Sat 14:00; resolution 1,440 = three working days, Wed 18:00.
        var ticket = Open(At("2026-03-07T10:00+08:00"), Priority.P1, Sla.Bronze);

        Assert.Equal("24X7", ticket.Response.CalendarCode);
        Assert.Equal("5X8-CN", ticket.Resolution.CalendarCode);
        Assert.Equal(At("2026-03-07T06:00Z"), ticket.Response.DueAt);
        Assert.Equal(At("2026-03-11T10:00Z"), ticket.Resolution.DueAt);
    }

    [Fact]
    public void Platinum_counts_clock_time_every_day()
    {
        // Saturday 10:00: P1 15/240, Sat 10:15 and Sat 14:00.
        var ticket = Open(At("2026-03-07T10:00+08:00"), Priority.P1, Sla.Platinum);

        Assert.Equal(At("2026-03-07T02:15Z"), ticket.Response.DueAt);
        Assert.Equal(At("2026-03-07T06:00Z"), ticket.Resolution.DueAt);
    }

    [Fact]
    public void The_first_public_reply_of_an_agent_acknowledges_and_starting_later_does_not_move_it()
    {
        var ticket = Open(MondayNine, Priority.P3);
        var replied = At("2026-03-09T09:20+08:00");

        ticket.AddComment("We are looking into it.", CommentVisibility.Public, Agent, replied, Sla.Silver);

        Assert.Equal(replied, ticket.AcknowledgedAt);
        Assert.Equal(SlaClockState.Met, ticket.Response.State);
        Assert.Equal(replied, ticket.Response.StoppedAt);
        Assert.Equal(20, ticket.Response.ElapsedBeforeSegmentMinutes);

        ticket.Assign("Service Desk", Agent.Name, Agent, replied.AddMinutes(10));
        ticket.Start(Agent, replied.AddMinutes(40), Sla.Silver);
        Assert.Equal(replied, ticket.AcknowledgedAt);
        Assert.Equal(replied, ticket.Response.StoppedAt);
    }

    [Fact]
    public void A_public_comment_of_the_customer_does_not_acknowledge()
    {
        var ticket = Open(MondayNine, Priority.P3);

        ticket.AddComment("Any news?", CommentVisibility.Public, CustomerUser, MondayNine.AddMinutes(30), Sla.Silver);

        Assert.Null(ticket.AcknowledgedAt);
        Assert.Equal(SlaClockState.Running, ticket.Response.State);
        Assert.Equal(At("2026-03-09T06:00Z"), ticket.Response.DueAt);
    }

    [Fact]
    public void An_internal_work_note_does_not_acknowledge()
    {
        var ticket = Open(MondayNine, Priority.P3);

        ticket.AddComment("Relay logs show TLS errors.", CommentVisibility.Internal, Agent, MondayNine.AddMinutes(30), Sla.Silver);

        Assert.Null(ticket.AcknowledgedAt);
        Assert.Equal(SlaClockState.Running, ticket.Response.State);
    }

    [Fact]
    public void Acknowledging_after_the_response_due_time_is_a_breach_at_the_due_time()
    {
        // P1: response due Mon 10:00 (02:00Z); work starts at 10:30 and nobody ran the monitor in between.
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine.AddMinutes(10));

        ticket.Start(Agent, At("2026-03-09T10:30+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Breached, ticket.Response.State);
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.Response.BreachedAt);
        Assert.Equal(At("2026-03-09T10:30+08:00"), ticket.AcknowledgedAt);
        Assert.Equal([("sla.breached", 100)], ticket.SlaEvents(SlaClockKind.Response));

        ticket.CheckSla(At("2026-03-09T11:00+08:00"), Sla.Silver);
        Assert.Single(ticket.Events<SlaBreached>());
    }

    [Fact]
    public void Hold_pauses_the_resolution_clock_and_the_due_time_moves_later_by_the_paused_business_time()
    {
        // P3 opened Mon 09:00, work starts 10:00, on hold Mon 11:00 (120 minutes counted), resumed Tue 10:00.
        var ticket = Open(MondayNine, Priority.P3);
        ticket.Assign("Service Desk", Agent.Name, Agent, At("2026-03-09T09:30+08:00"));
        ticket.Start(Agent, At("2026-03-09T10:00+08:00"), Sla.Silver);
        var originalDue = ticket.Resolution.DueAt!.Value;
        Assert.Equal(At("2026-03-13T10:00Z"), originalDue);

        ticket.Hold("Waiting for the customer's mail logs", Agent, At("2026-03-09T11:00+08:00"), Sla.Silver);
        Assert.Equal(SlaClockState.Paused, ticket.Resolution.State);
        Assert.Null(ticket.Resolution.DueAt);
        Assert.Equal(120, ticket.Resolution.ElapsedMinutes(At("2026-03-10T09:30+08:00"), FiveByEightCn));
        Assert.Equal(60 + 300 + 30, ticket.Resolution.PausedMinutesAt(At("2026-03-10T09:30+08:00"), FiveByEightCn));

        ticket.Resume(Agent, At("2026-03-10T10:00+08:00"), Sla.Silver);

        // Paused: Mon 11:00-12:00 and 13:00-18:00, Tue 09:00-10:00 = 420 business minutes.
        Assert.Equal(SlaClockState.Running, ticket.Resolution.State);
        Assert.Equal(420, ticket.Resolution.PausedMinutes);
        Assert.Equal(120, ticket.Resolution.ElapsedMinutes(At("2026-03-10T10:00+08:00"), FiveByEightCn));

        // 2,400 - 120 = 2,280 from Tue 10:00: 420 + 480 + 480 + 480 (Fri) + 420 on Mon 16 Mar, 17:00.
        Assert.Equal(At("2026-03-16T09:00Z"), ticket.Resolution.DueAt);
        Assert.Equal(420, FiveByEightCn.BusinessMinutesBetween(originalDue, ticket.Resolution.DueAt!.Value));
        Assert.Equal(ticket.Resolution.StartedAt, MondayNine);
    }

    [Fact]
    public void Every_hold_adds_its_paused_time()
    {
        var ticket = Open(MondayNine, Priority.P3);
        ticket.Assign("Service Desk", Agent.Name, Agent, At("2026-03-09T09:30+08:00"));
        ticket.Start(Agent, At("2026-03-09T10:00+08:00"), Sla.Silver);
        ticket.Hold("Waiting for the customer", Agent, At("2026-03-09T11:00+08:00"), Sla.Silver);
        ticket.Resume(Agent, At("2026-03-10T10:00+08:00"), Sla.Silver);

        ticket.Hold("Waiting for the vendor", Agent, At("2026-03-11T09:00+08:00"), Sla.Silver);
        ticket.Resume(Agent, At("2026-03-11T09:30+08:00"), Sla.Silver);

        Assert.Equal(420 + 30, ticket.Resolution.PausedMinutes);
        Assert.Equal(At("2026-03-16T09:30Z"), ticket.Resolution.DueAt); // Mon 16 Mar 17:30
    }

    [Fact]
    public void Hold_over_a_weekend_pauses_only_working_time()
    {
        // On hold Fri 13 Mar 17:00 to Mon 16 Mar 10:00: 60 + 60 paused business minutes, not three days.
        var ticket = Open(MondayNine, Priority.P4);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine);
        ticket.Start(Agent, MondayNine, Sla.Silver);
        Assert.Equal(At("2026-03-20T10:00Z"), ticket.Resolution.DueAt); // ten working days: Fri 20 Mar 18:00

        ticket.Hold("Waiting for the customer", Agent, At("2026-03-13T17:00+08:00"), Sla.Silver);
        ticket.Resume(Agent, At("2026-03-16T10:00+08:00"), Sla.Silver);

        Assert.Equal(120, ticket.Resolution.PausedMinutes);
        Assert.Equal(At("2026-03-23T03:00Z"), ticket.Resolution.DueAt); // Fri 20 18:00 plus 120: Mon 23 Mar 11:00
    }

    [Fact]
    public void The_response_clock_does_not_pause_on_hold()
    {
        var ticket = In(TicketStatus.InProgress);
        var acknowledged = ticket.Response.StoppedAt;

        ticket.Hold("Waiting for the customer", Agent, At("2026-03-09T10:00+08:00"), Sla.Silver);
        ticket.Resume(Agent, At("2026-03-09T11:00+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Met, ticket.Response.State);
        Assert.Equal(acknowledged, ticket.Response.StoppedAt);
        Assert.Equal(0, ticket.Response.PausedMinutes);
        Assert.Null(ticket.Response.PausedAt);
    }

    [Fact]
    public void Resolving_before_the_due_time_stops_the_resolution_clock_as_met()
    {
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine);
        ticket.Start(Agent, MondayNine, Sla.Silver);

        ticket.Resolve("FIXED", "Restarted the relay.", Agent, At("2026-03-09T15:00+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Met, ticket.Resolution.State);
        Assert.Equal(At("2026-03-09T07:00Z"), ticket.Resolution.StoppedAt);
        Assert.False(ticket.Resolution.IsBreached);
        Assert.Equal(300, ticket.Resolution.ElapsedBeforeSegmentMinutes);
        Assert.Empty(ticket.Events<SlaBreached>());
    }

    [Fact]
    public void Resolving_exactly_at_the_due_time_is_met()
    {
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine);
        ticket.Start(Agent, MondayNine, Sla.Silver);

        ticket.CheckSla(At("2026-03-09T10:00Z"), Sla.Silver);
        ticket.Resolve("FIXED", "Restarted the relay.", Agent, At("2026-03-09T10:00Z"), Sla.Silver);

        Assert.Equal(SlaClockState.Met, ticket.Resolution.State);
        Assert.Empty(ticket.Events<SlaBreached>());
    }

    [Fact]
    public void Resolving_after_the_due_time_is_a_breach_at_the_due_time_reported_even_if_the_monitor_never_looked()
    {
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine);
        ticket.Start(Agent, MondayNine, Sla.Silver);

        ticket.Resolve("FIXED", "Restarted the relay.", Agent, At("2026-03-10T10:00+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Breached, ticket.Resolution.State);
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.Resolution.BreachedAt);
        Assert.Equal([("sla.breached", 100)], ticket.SlaEvents(SlaClockKind.Resolution));
    }

    [Fact]
    public void Putting_on_hold_after_the_due_time_keeps_the_breach_at_the_due_time()
    {
        // P1 resolution due Mon 18:00 (10:00Z); put on hold Tue 10:00 before the monitor looked.
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine);
        ticket.Start(Agent, MondayNine, Sla.Silver);

        ticket.Hold("Waiting for the customer", Agent, At("2026-03-10T10:00+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Breached, ticket.Resolution.State);
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.Resolution.BreachedAt);
        Assert.Single(ticket.Events<SlaBreached>());

        ticket.Resume(Agent, At("2026-03-10T11:00+08:00"), Sla.Silver);
        ticket.CheckSla(At("2026-03-10T12:00+08:00"), Sla.Silver);
        ticket.Resolve("FIXED", "Restarted the relay.", Agent, At("2026-03-10T14:00+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Breached, ticket.Resolution.State);
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.Resolution.BreachedAt);
        Assert.Single(ticket.Events<SlaBreached>());
    }

    [Fact]
    public void A_clock_is_not_breached_at_its_due_instant_only_after_it()
    {
        var ticket = Open(MondayNine, Priority.P1);

        ticket.CheckSla(At("2026-03-09T02:00Z"), Sla.Silver);

        Assert.Equal(SlaClockState.Running, ticket.Response.State);
        Assert.Empty(ticket.Events<SlaBreached>());
    }

    [Fact]
    public void A_clock_evaluated_past_its_due_time_is_breached_at_the_due_time_and_reported_once()
    {
        // P1: response due Mon 10:00 (02:00Z); the monitor first looks at 10:01, then again at 11:00 and next day.
        var ticket = Open(MondayNine, Priority.P1);

        ticket.CheckSla(At("2026-03-09T10:01+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Breached, ticket.Response.State);
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.Response.BreachedAt);
        Assert.Equal(
            [("sla.warning", 75), ("sla.warning", 90), ("sla.breached", 100)],
            ticket.SlaEvents(SlaClockKind.Response));
        var breached = Assert.Single(ticket.Events<SlaBreached>());
        Assert.Equal("INC000001", breached.Number);
        Assert.Equal(SlaClockKind.Response, breached.Clock);
        Assert.Equal(At("2026-03-09T02:00Z"), breached.DueAt);
        Assert.Equal(Priority.P1, breached.Priority);

        ticket.CheckSla(At("2026-03-09T11:00+08:00"), Sla.Silver);
        ticket.CheckSla(At("2026-03-10T09:00+08:00"), Sla.Silver);

        Assert.Single(ticket.SlaEvents(SlaClockKind.Response), e => e.Type == "sla.breached");
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.Response.BreachedAt);
    }

    [Fact]
    public void A_clock_past_its_due_time_is_breached_at_the_due_time_however_late_the_monitor_looks()
    {
        var ticket = Open(MondayNine, Priority.P1);

        ticket.CheckSla(At("2026-03-16T09:00+08:00"), Sla.Silver);

        Assert.Equal(At("2026-03-09T02:00Z"), ticket.Response.BreachedAt);
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.Resolution.BreachedAt);
        Assert.Equal(2, ticket.Events<SlaBreached>().Count);
    }

    [Fact]
    public void Warnings_come_once_each_at_75_and_90_percent_of_the_target()
    {
        // P1 response 60 minutes from Mon 09:00: 75% at 09:45, 90% at 09:54.
        var ticket = Open(MondayNine, Priority.P1);

        ticket.CheckSla(At("2026-03-09T09:44+08:00"), Sla.Silver);
        Assert.Empty(ticket.SlaEvents(SlaClockKind.Response));
        Assert.Equal(At("2026-03-09T01:45Z"), ticket.NextCheckAt);

        ticket.CheckSla(At("2026-03-09T09:45+08:00"), Sla.Silver);
        Assert.Equal([("sla.warning", 75)], ticket.SlaEvents(SlaClockKind.Response));
        Assert.Equal(At("2026-03-09T01:54Z"), ticket.NextCheckAt);

        ticket.CheckSla(At("2026-03-09T09:53+08:00"), Sla.Silver);
        Assert.Equal([("sla.warning", 75)], ticket.SlaEvents(SlaClockKind.Response));

        ticket.CheckSla(At("2026-03-09T09:54+08:00"), Sla.Silver);
        ticket.CheckSla(At("2026-03-09T09:55+08:00"), Sla.Silver);
        Assert.Equal([("sla.warning", 75), ("sla.warning", 90)], ticket.SlaEvents(SlaClockKind.Response));
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.NextCheckAt);

        var warning = ticket.Events<SlaWarning>()[1];
        Assert.Equal(90, warning.Percentage);
        Assert.Equal(SlaClockKind.Response, warning.Clock);
        Assert.Equal(At("2026-03-09T02:00Z"), warning.DueAt);
        Assert.Equal(SlaClockState.Running, ticket.Response.State);
    }

    [Fact]
    public void The_resolution_clock_escalates_to_level_2_at_75_percent_and_to_level_3_at_90_percent()
    {
        // P1 resolution 480 from Mon 09:00: 75% (360) at 16:00, 90% (432) at 17:12, due 18:00.
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine);
        ticket.Start(Agent, MondayNine.AddMinutes(5), Sla.Silver);
        Assert.Equal(At("2026-03-09T08:00Z"), ticket.NextCheckAt);

        ticket.CheckSla(At("2026-03-09T15:59+08:00"), Sla.Silver);
        Assert.Equal(1, ticket.EscalationLevel);

        ticket.CheckSla(At("2026-03-09T16:00+08:00"), Sla.Silver);
        Assert.Equal(2, ticket.EscalationLevel);
        Assert.Equal([("sla.warning", 75)], ticket.SlaEvents(SlaClockKind.Resolution));
        Assert.Equal(At("2026-03-09T09:12Z"), ticket.NextCheckAt);

        ticket.CheckSla(At("2026-03-09T17:12+08:00"), Sla.Silver);
        Assert.Equal(3, ticket.EscalationLevel);
        Assert.Equal([("sla.warning", 75), ("sla.warning", 90)], ticket.SlaEvents(SlaClockKind.Resolution));
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.NextCheckAt);

        var escalations = ticket.NewHistory.Where(h => h.Action == "escalated").ToList();
        Assert.Equal(["1", "2"], escalations.Select(h => h.OldValue));
        Assert.Equal([("2", "Resolution clock at 75%"), ("3", "Resolution clock at 90%")], escalations.Select(h => (h.NewValue, h.Note)));
        Assert.All(escalations, h => Assert.Equal("system", h.Actor));

        ticket.CheckSla(At("2026-03-09T18:01+08:00"), Sla.Silver);
        Assert.Equal(3, ticket.EscalationLevel);
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.Resolution.BreachedAt);
        Assert.Null(ticket.NextCheckAt);
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.QueueDueAt); // the breached resolution clock still counts: first in the queue
    }

    [Fact]
    public void Automatic_escalation_never_lowers_a_level_set_by_hand()
    {
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Escalate(3, null, "Board-level outage", Agent, MondayNine.AddMinutes(1));

        ticket.CheckSla(At("2026-03-09T17:30+08:00"), Sla.Silver);

        Assert.Equal(3, ticket.EscalationLevel);
        Assert.Single(ticket.NewHistory, h => h.Action == "escalated");
    }

    [Fact]
    public void The_response_clock_does_not_escalate()
    {
        var ticket = Open(MondayNine, Priority.P1);

        ticket.CheckSla(At("2026-03-09T09:55+08:00"), Sla.Silver);

        Assert.Equal([("sla.warning", 75), ("sla.warning", 90)], ticket.SlaEvents(SlaClockKind.Response));
        Assert.Equal(1, ticket.EscalationLevel);
    }

    [Fact]
    public void Reopening_before_the_breach_resumes_the_resolution_clock_with_the_elapsed_time_kept()
    {
        // P1: 120 minutes used Mon 09:00-11:00, reopened Tue 09:00: 360 left, Tue 16:00 (not Tue 18:00 as a reset would give).
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine);
        ticket.Start(Agent, MondayNine, Sla.Silver);
        ticket.Resolve("FIXED", "Restarted the relay.", Agent, At("2026-03-09T11:00+08:00"), Sla.Silver);
        Assert.Equal(SlaClockState.Met, ticket.Resolution.State);

        ticket.Reopen("Mail bounces again", CustomerUser, At("2026-03-10T09:00+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Running, ticket.Resolution.State);
        Assert.Equal(MondayNine, ticket.Resolution.StartedAt);
        Assert.Null(ticket.Resolution.StoppedAt);
        Assert.Equal(120, ticket.Resolution.ElapsedMinutes(At("2026-03-10T09:00+08:00"), FiveByEightCn));
        Assert.Equal(At("2026-03-10T08:00Z"), ticket.Resolution.DueAt);
        Assert.Equal(At("2026-03-10T08:00Z"), ticket.QueueDueAt);
        Assert.Equal(SlaClockState.Met, ticket.Response.State);
    }

    [Fact]
    public void Reopening_after_the_breach_stays_breached()
    {
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine);
        ticket.Start(Agent, MondayNine, Sla.Silver);
        ticket.CheckSla(At("2026-03-09T18:30+08:00"), Sla.Silver);
        ticket.Resolve("FIXED", "Restarted the relay.", Agent, At("2026-03-10T10:00+08:00"), Sla.Silver);

        ticket.Reopen("Mail bounces again", CustomerUser, At("2026-03-10T11:00+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Breached, ticket.Resolution.State);
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.Resolution.BreachedAt);
        Assert.Equal(At("2026-03-10T11:00+08:00"), ticket.QueueDueAt); // no time left: due the moment it reopened

        ticket.CheckSla(At("2026-03-11T11:00+08:00"), Sla.Silver);
        Assert.Single(ticket.Events<SlaBreached>());
        Assert.Equal(SlaClockState.Breached, ticket.Resolution.State);
    }

    [Fact]
    public void A_resolved_ticket_closes_itself_72_hours_after_resolution_and_not_a_minute_before()
    {
        var ticket = In(TicketStatus.Resolved);
        var resolvedAt = ticket.ResolvedAt!.Value;
        Assert.Equal(resolvedAt.AddDays(3), ticket.AutoCloseAt);
        Assert.Equal(resolvedAt.AddDays(3), ticket.NextCheckAt);

        ticket.CheckSla(resolvedAt.AddDays(3).AddMinutes(-1), Sla.Silver);
        Assert.Equal(TicketStatus.Resolved, ticket.Status);

        ticket.CheckSla(resolvedAt.AddDays(3), Sla.Silver);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(resolvedAt.AddDays(3), ticket.ClosedAt);
        Assert.Null(ticket.AutoCloseAt);
        Assert.Null(ticket.NextCheckAt);
        var closing = ticket.NewHistory[^1];
        Assert.Equal(("system", "Resolved", "Closed"), (closing.Actor, closing.OldValue, closing.NewValue));
    }

    [Fact]
    public void Reopening_calls_off_the_auto_close()
    {
        var ticket = In(TicketStatus.Resolved);
        var resolvedAt = ticket.ResolvedAt!.Value;

        ticket.Reopen("Still broken", CustomerUser, resolvedAt.AddDays(1), Sla.Silver);
        ticket.CheckSla(resolvedAt.AddDays(3), Sla.Silver);

        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Null(ticket.AutoCloseAt);
    }

    [Fact]
    public void Cancelling_a_new_ticket_stops_both_clocks_as_cancelled_with_their_time_frozen()
    {
        var ticket = Open(MondayNine, Priority.P3);
        var cancelled = At("2026-03-09T09:30+08:00");

        ticket.Cancel("Raised in error", Agent, cancelled, Sla.Silver);

        foreach (var clock in new[] { ticket.Response, ticket.Resolution })
        {
            Assert.Equal(SlaClockState.Cancelled, clock.State);
            Assert.False(clock.IsBreached);
            Assert.Null(clock.BreachedAt);
            Assert.Equal(cancelled, clock.StoppedAt);
            Assert.Null(clock.NextCheckAt);
            Assert.Equal(30, clock.ElapsedMinutes(At("2026-03-10T09:30+08:00"), FiveByEightCn));
        }

        Assert.Empty(ticket.Events<SlaThresholdCrossed>());
        Assert.Null(ticket.NextCheckAt);
        Assert.Equal(Ticket.NotDue, ticket.QueueDueAt);
    }

    [Fact]
    public void Cancelling_after_acknowledgement_keeps_the_response_met_and_cancels_the_resolution()
    {
        var ticket = Open(MondayNine, Priority.P3);
        ticket.AddComment("We are looking into it.", CommentVisibility.Public, Agent, At("2026-03-09T09:20+08:00"), Sla.Silver);

        ticket.Cancel("Duplicate of INC000000", Agent, At("2026-03-09T10:00+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Met, ticket.Response.State);
        Assert.Equal(At("2026-03-09T09:20+08:00"), ticket.Response.StoppedAt);
        Assert.Equal(SlaClockState.Cancelled, ticket.Resolution.State);
        Assert.Equal(60, ticket.Resolution.ElapsedBeforeSegmentMinutes);
    }

    [Fact]
    public void Cancelling_keeps_a_response_breach_already_reported()
    {
        // P1: response due Mon 10:00 (02:00Z), acknowledged late at 10:30.
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine.AddMinutes(10));
        ticket.Start(Agent, At("2026-03-09T10:30+08:00"), Sla.Silver);

        ticket.Cancel("Duplicate of INC000000", Agent, At("2026-03-09T11:00+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Breached, ticket.Response.State);
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.Response.BreachedAt);
        Assert.Equal(SlaClockState.Cancelled, ticket.Resolution.State);
        Assert.Single(ticket.Events<SlaBreached>());
    }

    [Fact]
    public void Cancelling_a_clock_that_ran_past_its_due_time_leaves_it_breached_at_the_due_time()
    {
        // P1 resolution due Mon 18:00 (10:00Z); cancelled Tue 10:00 before the monitor looked.
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine);
        ticket.Start(Agent, MondayNine, Sla.Silver);

        ticket.Cancel("Customer withdrew the request", Agent, At("2026-03-10T10:00+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Met, ticket.Response.State);
        Assert.Equal(SlaClockState.Breached, ticket.Resolution.State);
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.Resolution.BreachedAt);
        Assert.Equal([("sla.breached", 100)], ticket.SlaEvents(SlaClockKind.Resolution));
        Assert.Null(ticket.NextCheckAt);
    }

    [Fact]
    public void Cancelling_an_on_hold_ticket_counts_the_pause_up_to_the_cancel_and_cancels_the_paused_clock()
    {
        var ticket = Open(MondayNine, Priority.P3);
        ticket.Assign("Service Desk", Agent.Name, Agent, MondayNine);
        ticket.Start(Agent, MondayNine, Sla.Silver);
        ticket.Hold("Waiting for the customer", Agent, At("2026-03-09T10:00+08:00"), Sla.Silver);

        ticket.Cancel("Customer withdrew the request", Agent, At("2026-03-09T11:00+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Cancelled, ticket.Resolution.State);
        Assert.Equal(60, ticket.Resolution.ElapsedMinutes(At("2026-03-10T11:00+08:00"), FiveByEightCn));
        Assert.Equal(60, ticket.Resolution.PausedMinutesAt(At("2026-03-10T11:00+08:00"), FiveByEightCn));
    }

    [Fact]
    public void A_cancelled_clock_raises_no_warning_or_breach_however_late_the_monitor_looks()
    {
        // P1: response due Mon 10:00, resolution Mon 18:00; cancelled at 09:10, monitor looks a week later.
        var ticket = Open(MondayNine, Priority.P1);
        ticket.Cancel("Raised in error", Agent, MondayNine.AddMinutes(10), Sla.Silver);
        ticket.ClearDomainEvents();

        ticket.CheckSla(At("2026-03-16T09:00+08:00"), Sla.Silver);

        Assert.Empty(ticket.Events<SlaThresholdCrossed>());
        Assert.Equal(SlaClockState.Cancelled, ticket.Response.State);
        Assert.Equal(SlaClockState.Cancelled, ticket.Resolution.State);
        Assert.False(ticket.Response.Warned75);
        Assert.Null(ticket.NextCheckAt);
        Assert.Equal(1, ticket.EscalationLevel);
        ticket.AssertQueueKeyIsConsistent();
    }
}
