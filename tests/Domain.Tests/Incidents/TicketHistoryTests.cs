using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;
using static ServiceDesk.Domain.Tests.Incidents.Tickets;
using static ServiceDesk.Domain.Tests.ServiceLevels.Calendars;

namespace ServiceDesk.Domain.Tests.Incidents;

/// <summary>History, comments, escalation and the breach schedule of a ticket (domain.md section 4).</summary>
public class TicketHistoryTests
{
    [Fact]
    public void Opening_records_a_created_entry_and_raises_ticket_created()
    {
        var ticket = Open(MondayNine, Priority.P2);

        var created = Assert.Single(ticket.NewHistory);
        Assert.Equal(1, created.Sequence);
        Assert.Equal(ticket.Id, created.OwnerId);
        Assert.Equal(MondayNine, created.At);
        Assert.Equal("alice.agent", created.Actor);
        Assert.Equal(("created", "status", null, "New"), (created.Action, created.Field, created.OldValue, created.NewValue));
        Assert.False(created.IsInternal);
        Assert.Equal(1, ticket.HistoryCount);

        var raised = Assert.IsType<TicketCreated>(Assert.Single(ticket.DomainEvents));
        Assert.Equal("ticket.created", raised.EventType);
        Assert.Equal("INC000001", raised.Number);
        Assert.Equal(MondayNine, raised.OccurredAt);
        Assert.Equal(TicketKind.Incident, raised.Kind);
        Assert.Equal(Priority.P2, raised.Priority);
        Assert.Equal(CustomerId, raised.CustomerId);
        Assert.Equal("Service Desk", raised.AssignmentGroup);
    }

    [Fact]
    public void Every_status_change_is_recorded_from_old_to_new_with_who_and_when()
    {
        var sla = Sla.Silver;
        var ticket = Open(MondayNine);
        ticket.Assign("Service Desk", Agent.Name, Agent, At("2026-03-09T09:05+08:00"));
        ticket.Start(Agent, At("2026-03-09T09:10+08:00"), sla);
        ticket.Hold("Waiting for logs", Agent, At("2026-03-09T09:20+08:00"), sla);
        ticket.Resume(OtherAgent, At("2026-03-09T10:00+08:00"), sla);
        ticket.Resolve("FIXED", "Restarted the relay.", Agent, At("2026-03-09T11:00+08:00"), sla);
        ticket.Reopen("Still bouncing", CustomerUser, At("2026-03-09T14:00+08:00"), sla);
        ticket.Resolve("FIXED", "Replaced the certificate.", Agent, At("2026-03-09T15:00+08:00"), sla);
        ticket.Close(CustomerUser, At("2026-03-09T16:00+08:00"));

        var changes = ticket.NewHistory.Where(h => h.Action == "status").Select(h => (h.Actor, h.At, h.OldValue, h.NewValue, h.Note));

        Assert.Equal(
            [
                ("alice.agent", At("2026-03-09T09:05+08:00"), "New", "Assigned", null),
                ("alice.agent", At("2026-03-09T09:10+08:00"), "Assigned", "InProgress", null),
                ("alice.agent", At("2026-03-09T09:20+08:00"), "InProgress", "OnHold", "Waiting for logs"),
                ("bob.agent", At("2026-03-09T10:00+08:00"), "OnHold", "InProgress", null),
                ("alice.agent", At("2026-03-09T11:00+08:00"), "InProgress", "Resolved", "FIXED: Restarted the relay."),
                ("carol@acme.example", At("2026-03-09T14:00+08:00"), "Resolved", "InProgress", "Still bouncing"),
                ("alice.agent", At("2026-03-09T15:00+08:00"), "InProgress", "Resolved", "FIXED: Replaced the certificate."),
                ("carol@acme.example", At("2026-03-09T16:00+08:00"), "Resolved", "Closed", (string?)null),
            ],
            changes);
        Assert.Equal(Enumerable.Range(1, ticket.NewHistory.Count).Select(i => (long)i), ticket.NewHistory.Select(h => h.Sequence));
        Assert.Equal(ticket.NewHistory.Count, ticket.HistoryCount);
    }

    [Fact]
    public void Cancelling_is_recorded_with_its_reason()
    {
        var ticket = Open(MondayNine);

        ticket.Cancel("Duplicate of INC000000", Agent, At("2026-03-09T09:05+08:00"), Sla.Silver);

        var change = ticket.NewHistory[^1];
        Assert.Equal(("status", "New", "Cancelled", "Duplicate of INC000000"), (change.Action, change.OldValue, change.NewValue, change.Note));
    }

    [Fact]
    public void Assignment_records_the_group_and_the_assignee_separately()
    {
        var ticket = Open(MondayNine);

        ticket.Assign("Infrastructure", "bob.agent", Agent, At("2026-03-09T09:05+08:00"));
        ticket.Assign("Infrastructure", "alice.agent", Agent, At("2026-03-09T09:10+08:00"));

        var assignments = ticket.NewHistory.Where(h => h.Action == "assignment").Select(h => (h.Field, h.OldValue, h.NewValue));
        Assert.Equal(
            [
                ("assignmentGroup", "Service Desk", "Infrastructure"),
                ("assignee", null, "bob.agent"),
                ("assignee", "bob.agent", "alice.agent"),
            ],
            assignments);
    }

    [Fact]
    public void One_ticket_updated_event_lists_what_changed_and_the_status_after_it()
    {
        var ticket = Open(MondayNine);
        ticket.ClearDomainEvents();

        ticket.Assign("Infrastructure", "bob.agent", Agent, At("2026-03-09T09:05+08:00"));

        var updated = Assert.IsType<TicketUpdated>(Assert.Single(ticket.DomainEvents));
        Assert.Equal("ticket.updated", updated.EventType);
        Assert.Equal(["assignment", "status"], updated.Changes);
        Assert.Equal(TicketStatus.Assigned, updated.Status);
    }

    [Fact]
    public void Comments_are_numbered_in_order_and_each_is_recorded_internal_ones_flagged()
    {
        var sla = Sla.Silver;
        var ticket = Open(MondayNine);

        var first = ticket.AddComment("  We are on it.  ", CommentVisibility.Public, Agent, At("2026-03-09T09:05+08:00"), sla);
        var second = ticket.AddComment("Relay certificate expired.", CommentVisibility.Internal, Agent, At("2026-03-09T09:06+08:00"), sla);
        var third = ticket.AddComment("Thanks, waiting.", CommentVisibility.Public, CustomerUser, At("2026-03-09T09:07+08:00"), sla);

        Assert.Equal([1L, 2L, 3L], new[] { first, second, third }.Select(c => c.Sequence));
        Assert.Equal([first, second, third], ticket.NewComments);
        Assert.Equal(3, ticket.CommentCount);
        Assert.Equal("We are on it.", first.Body);
        Assert.Equal(("alice.agent", CommentVisibility.Internal, ticket.Id), (second.Author, second.Visibility, second.TicketId));
        Assert.Equal("carol@acme.example", third.Author);

        var recorded = ticket.NewHistory.Where(h => h.Action == "comment").Select(h => (h.Actor, h.NewValue, h.IsInternal));
        Assert.Equal(
            [
                ("alice.agent", "public", false),
                ("alice.agent", "internal", true),
                ("carol@acme.example", "public", false),
            ],
            recorded);
    }

    [Fact]
    public void A_customer_cannot_write_an_internal_note()
    {
        var ticket = Open(MondayNine);

        var refused = Assert.Throws<DomainException>(() =>
            ticket.AddComment("Please hurry.", CommentVisibility.Internal, CustomerUser, At("2026-03-09T09:05+08:00"), Sla.Silver));

        Assert.Equal("visibility", refused.Field);
        Assert.Equal("forbidden-visibility", refused.Rule);
        Assert.Empty(ticket.NewComments);
        Assert.Equal(0, ticket.CommentCount);
        Assert.Equal(1, ticket.HistoryCount);
    }

    [Fact]
    public void Commenting_on_a_closed_ticket_is_refused()
    {
        var ticket = In(TicketStatus.Closed);
        var history = ticket.HistoryCount;

        var refused = Assert.Throws<DomainException>(() =>
            ticket.AddComment("It broke again.", CommentVisibility.Public, CustomerUser, At("2026-03-10T09:00+08:00"), Sla.Silver));

        Assert.Equal(("illegal-transition", DomainErrorKind.Conflict), (refused.Rule, refused.Kind));
        Assert.Equal("Cannot comment on an incident that is Closed.", refused.Message);
        Assert.Empty(ticket.NewComments);
        Assert.Equal(history, ticket.HistoryCount);
    }

    [Fact]
    public void Commenting_on_a_cancelled_ticket_is_refused()
    {
        var ticket = In(TicketStatus.Cancelled);
        var history = ticket.HistoryCount;

        var refused = Assert.Throws<DomainException>(() =>
            ticket.AddComment("Work note for the record.", CommentVisibility.Internal, Agent, At("2026-03-10T09:00+08:00"), Sla.Silver));

        Assert.Equal(("illegal-transition", DomainErrorKind.Conflict), (refused.Rule, refused.Kind));
        Assert.Equal("Cannot comment on an incident that is Cancelled.", refused.Message);
        Assert.Empty(ticket.NewComments);
        Assert.Equal(history, ticket.HistoryCount);
    }

    [Fact]
    public void A_resolved_ticket_still_takes_comments()
    {
        var ticket = In(TicketStatus.Resolved);

        var comment = ticket.AddComment("Confirmed fixed on our side?", CommentVisibility.Public, Agent, At("2026-03-10T09:00+08:00"), Sla.Silver);

        Assert.Equal([comment], ticket.NewComments);
    }

    [Fact]
    public void A_comment_needs_a_body()
    {
        var ticket = Open(MondayNine);

        var refused = Assert.Throws<DomainException>(() =>
            ticket.AddComment("  ", CommentVisibility.Public, Agent, At("2026-03-09T09:05+08:00"), Sla.Silver));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Equal("body", refused.Field);
        Assert.Null(ticket.AcknowledgedAt);
    }

    [Fact]
    public void Hierarchical_escalation_goes_up_a_level_and_is_recorded()
    {
        var ticket = Open(MondayNine);
        ticket.ClearDomainEvents();

        ticket.Escalate(2, null, "Needs a mail specialist", Agent, At("2026-03-09T09:05+08:00"));

        Assert.Equal(2, ticket.EscalationLevel);
        var entry = Assert.Single(ticket.NewHistory, h => h.Action == "escalated");
        Assert.Equal(("escalated", "escalationLevel", "1", "2", "Needs a mail specialist"), (entry.Action, entry.Field, entry.OldValue, entry.NewValue, entry.Note));
        Assert.Contains("escalated", Assert.Single(ticket.Events<TicketUpdated>()).Changes);

        ticket.Escalate(3, null, "Vendor case needed", Agent, At("2026-03-09T09:10+08:00"));
        Assert.Equal(3, ticket.EscalationLevel);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 0)]
    [InlineData(1, -1)]
    [InlineData(1, 4)]
    [InlineData(2, 2)]
    [InlineData(2, 1)]
    [InlineData(3, 3)]
    [InlineData(3, 4)]
    public void Escalation_must_go_up_and_stay_at_most_level_3(int current, int requested)
    {
        var ticket = Open(MondayNine);
        if (current > 1)
            ticket.Escalate(current, null, "Set up", Agent, At("2026-03-09T09:01+08:00"));
        var historyBefore = ticket.HistoryCount;

        var refused = Assert.Throws<DomainException>(() =>
            ticket.Escalate(requested, null, "Try", Agent, At("2026-03-09T09:05+08:00")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Equal("level", refused.Field);
        Assert.Equal(current, ticket.EscalationLevel);
        Assert.Equal(historyBefore, ticket.HistoryCount);
    }

    [Fact]
    public void Functional_escalation_hands_the_ticket_to_another_group_without_an_assignee_and_is_recorded()
    {
        var ticket = Open(MondayNine);
        ticket.Assign("Service Desk", "alice.agent", Agent, At("2026-03-09T09:01+08:00"));

        ticket.Escalate(null, "Infrastructure", "Network problem", Agent, At("2026-03-09T09:05+08:00"));

        Assert.Equal("Infrastructure", ticket.AssignmentGroup);
        Assert.Null(ticket.Assignee); // the new group picks its own person
        Assert.Equal(1, ticket.EscalationLevel);
        Assert.Equal(TicketStatus.Assigned, ticket.Status);
        var entries = ticket.NewHistory.Where(h => h.At == At("2026-03-09T09:05+08:00")).Select(h => (h.Action, h.Field, h.OldValue, h.NewValue));
        Assert.Equal(
            [
                ("assignment", "assignmentGroup", "Service Desk", "Infrastructure"),
                ("assignment", "assignee", "alice.agent", null),
            ],
            entries);
    }

    [Fact]
    public void Escalation_names_a_level_or_a_group_and_gives_a_reason()
    {
        var ticket = Open(MondayNine);
        var now = At("2026-03-09T09:05+08:00");

        Assert.Equal("level", Assert.Throws<DomainException>(() => ticket.Escalate(null, " ", "Why not", Agent, now)).Field);
        Assert.Equal("reason", Assert.Throws<DomainException>(() => ticket.Escalate(2, null, "", Agent, now)).Field);
        Assert.Equal(1, ticket.EscalationLevel);
    }

    [Fact]
    public void Warnings_and_breaches_are_recorded_in_the_history_by_the_system()
    {
        var ticket = Open(MondayNine, Priority.P1);

        ticket.CheckSla(At("2026-03-09T10:01+08:00"), Sla.Silver);

        var entries = ticket.NewHistory.Where(h => h.Action.StartsWith("sla-", StringComparison.Ordinal)).Select(h => (h.Actor, h.Action, h.Field, h.NewValue));
        Assert.Equal(
            [
                ("system", "sla-warning", "response", "75%"),
                ("system", "sla-warning", "response", "90%"),
                ("system", "sla-breached", "response", "100%"),
            ],
            entries);
    }

    [Fact]
    public void The_queue_key_and_next_check_follow_every_change()
    {
        // SILVER P1 opened Mon 09:00: response due 10:00 (75% at 09:45), resolution 480 due 18:00 (75% at 16:00).
        var sla = Sla.Silver;
        var ticket = Open(MondayNine, Priority.P1);
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.QueueDueAt);
        Assert.Equal(At("2026-03-09T01:45Z"), ticket.NextCheckAt);
        ticket.AssertQueueKeyIsConsistent();

        ticket.Assign("Service Desk", Agent.Name, Agent, At("2026-03-09T09:10+08:00"));
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.QueueDueAt);
        ticket.AssertQueueKeyIsConsistent();

        // Acknowledged: only the resolution clock is left.
        ticket.Start(Agent, At("2026-03-09T09:30+08:00"), sla);
        Assert.Equal(At("2026-03-09T10:00Z"), ticket.QueueDueAt);
        Assert.Equal(At("2026-03-09T08:00Z"), ticket.NextCheckAt);
        ticket.AssertQueueKeyIsConsistent();

        // On hold nothing counts.
        ticket.Hold("Waiting for the customer", Agent, At("2026-03-09T10:00+08:00"), sla);
        Assert.Equal(Ticket.NotDue, ticket.QueueDueAt);
        Assert.Null(ticket.NextCheckAt);
        ticket.AssertQueueKeyIsConsistent();

        // Resumed 11:00 with 60 used: 420 left, Tue 10:00; 75% (360) is 300 away, Mon 17:00.
        ticket.Resume(Agent, At("2026-03-09T11:00+08:00"), sla);
        Assert.Equal(At("2026-03-10T02:00Z"), ticket.QueueDueAt);
        Assert.Equal(At("2026-03-09T09:00Z"), ticket.NextCheckAt);
        ticket.AssertQueueKeyIsConsistent();

        // The monitor warns at 75%; 90% (432) is 372 from 11:00, Tue 09:12.
        ticket.CheckSla(At("2026-03-09T17:00+08:00"), sla);
        Assert.Equal(At("2026-03-10T02:00Z"), ticket.QueueDueAt);
        Assert.Equal(At("2026-03-10T01:12Z"), ticket.NextCheckAt);
        ticket.AssertQueueKeyIsConsistent();

        // Resolved: out of the queue, the auto-close is what is left to check.
        ticket.Resolve("FIXED", "Restarted the relay.", Agent, At("2026-03-09T17:30+08:00"), sla);
        Assert.Equal(Ticket.NotDue, ticket.QueueDueAt);
        Assert.Equal(At("2026-03-12T09:30Z"), ticket.NextCheckAt);
        ticket.AssertQueueKeyIsConsistent();

        // Reopened Tue 09:00 with 60 + 330 used: 90 left, Tue 10:30; 90% is 42 away, Tue 09:42.
        ticket.Reopen("Mail bounces again", CustomerUser, At("2026-03-10T09:00+08:00"), sla);
        Assert.Equal(At("2026-03-10T02:30Z"), ticket.QueueDueAt);
        Assert.Equal(At("2026-03-10T01:42Z"), ticket.NextCheckAt);
        ticket.AssertQueueKeyIsConsistent();

        ticket.Resolve("FIXED", "Replaced the certificate.", Agent, At("2026-03-10T10:00+08:00"), sla);
        ticket.Close(CustomerUser, At("2026-03-10T11:00+08:00"));
        Assert.Equal(Ticket.NotDue, ticket.QueueDueAt);
        Assert.Null(ticket.NextCheckAt);
        ticket.AssertQueueKeyIsConsistent();
    }

    [Fact]
    public void A_breached_clock_that_still_counts_keeps_the_ticket_first_in_the_queue()
    {
        var ticket = Open(MondayNine, Priority.P1);

        ticket.CheckSla(At("2026-03-09T10:01+08:00"), Sla.Silver);

        Assert.Equal(SlaClockState.Breached, ticket.Response.State);
        Assert.Equal(At("2026-03-09T02:00Z"), ticket.QueueDueAt);
        Assert.Equal(At("2026-03-09T08:00Z"), ticket.NextCheckAt);
        ticket.AssertQueueKeyIsConsistent();
    }

    [Fact]
    public void Every_change_stamps_the_ticket()
    {
        var ticket = Open(MondayNine);
        Assert.Equal(MondayNine, ticket.LastChangedAt);

        ticket.AddComment("Looking.", CommentVisibility.Internal, Agent, At("2026-03-09T09:05+08:00"), Sla.Silver);
        Assert.Equal(At("2026-03-09T09:05+08:00"), ticket.LastChangedAt);

        ticket.Escalate(2, null, "Specialist", Agent, At("2026-03-09T09:06+08:00"));
        Assert.Equal(At("2026-03-09T09:06+08:00"), ticket.LastChangedAt);
    }
}
