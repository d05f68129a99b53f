using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;
using static ServiceDesk.Domain.Tests.Incidents.Tickets;
using static ServiceDesk.Domain.Tests.ServiceLevels.Calendars;

namespace ServiceDesk.Domain.Tests.Incidents;

/// <summary>The incident state machine of domain.md section 4: every move, allowed or refused.</summary>
public class TicketLifecycleTests
{
    /// <summary>Well after every step <see cref="Tickets.In"/> takes.</summary>
    private static readonly DateTimeOffset Later = At("2026-03-09T11:00+08:00");

    private static readonly TicketStatus[] AllStatuses = Enum.GetValues<TicketStatus>();

    private static readonly string[] Transitions = ["assign", "start", "hold", "resume", "resolve", "close", "reopen", "cancel"];

    /// <summary>The moves domain.md allows, from each state, and where they lead.</summary>
    private static readonly (TicketStatus From, string Move, TicketStatus To)[] Allowed =
    [
        (TicketStatus.New, "assign", TicketStatus.Assigned),
        (TicketStatus.Assigned, "start", TicketStatus.InProgress),
        (TicketStatus.InProgress, "hold", TicketStatus.OnHold),
        (TicketStatus.OnHold, "resume", TicketStatus.InProgress),
        (TicketStatus.InProgress, "resolve", TicketStatus.Resolved),
        (TicketStatus.Resolved, "close", TicketStatus.Closed),
        (TicketStatus.Resolved, "reopen", TicketStatus.InProgress),
        (TicketStatus.New, "cancel", TicketStatus.Cancelled),
        (TicketStatus.Assigned, "cancel", TicketStatus.Cancelled),
        (TicketStatus.InProgress, "cancel", TicketStatus.Cancelled),
        (TicketStatus.OnHold, "cancel", TicketStatus.Cancelled),

        // Reassigning an open ticket hands it to someone else without moving it along the state machine.
        (TicketStatus.Assigned, "assign", TicketStatus.Assigned),
        (TicketStatus.InProgress, "assign", TicketStatus.InProgress),
        (TicketStatus.OnHold, "assign", TicketStatus.OnHold),
    ];

    public static TheoryData<TicketStatus, string, TicketStatus> AllowedMoves()
    {
        var data = new TheoryData<TicketStatus, string, TicketStatus>();
        foreach (var (from, move, to) in Allowed)
            data.Add(from, move, to);
        return data;
    }

    /// <summary>Every (state, move) pair not in <see cref="Allowed"/>.</summary>
    public static TheoryData<TicketStatus, string> RefusedMoves()
    {
        var data = new TheoryData<TicketStatus, string>();
        foreach (var from in AllStatuses)
        {
            foreach (var move in Transitions)
            {
                if (!Allowed.Any(a => a.From == from && a.Move == move))
                    data.Add(from, move);
            }
        }

        return data;
    }

    public static TheoryData<TicketStatus, string> AnythingOnAFinalTicket()
    {
        var data = new TheoryData<TicketStatus, string>();
        foreach (var from in new[] { TicketStatus.Closed, TicketStatus.Cancelled })
        {
            foreach (var move in Transitions.Append("escalate").Append("edit"))
                data.Add(from, move);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void An_allowed_move_leads_to_the_next_state(TicketStatus from, string move, TicketStatus to)
    {
        var ticket = In(from);

        Apply(ticket, move);

        Assert.Equal(to, ticket.Status);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Any_other_move_is_refused_as_an_illegal_transition_naming_the_current_state(TicketStatus from, string move)
    {
        var ticket = In(from);
        var historyBefore = ticket.HistoryCount;

        var refused = Assert.Throws<DomainException>(() => Apply(ticket, move));

        Assert.Equal("illegal-transition", refused.Rule);
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.EndsWith($"that is {from}.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(from, ticket.Status);
        Assert.Equal(historyBefore, ticket.HistoryCount);
    }

    [Theory]
    [MemberData(nameof(AnythingOnAFinalTicket))]
    public void Closed_and_cancelled_are_final_nothing_changes_them(TicketStatus final, string move)
    {
        var ticket = In(final);

        var refused = Assert.Throws<DomainException>(() => Apply(ticket, move));

        Assert.Equal("illegal-transition", refused.Rule);
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Contains(final.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Equal(final, ticket.Status);
    }

    [Theory]
    [InlineData(TicketStatus.New, "start", "Cannot start work on an incident that is New.")]
    [InlineData(TicketStatus.Assigned, "hold", "Cannot put on hold an incident that is Assigned.")]
    [InlineData(TicketStatus.OnHold, "resolve", "Cannot resolve an incident that is OnHold.")]
    [InlineData(TicketStatus.InProgress, "close", "Cannot close an incident that is InProgress.")]
    [InlineData(TicketStatus.Closed, "reopen", "Cannot reopen an incident that is Closed.")]
    [InlineData(TicketStatus.Closed, "resolve", "Cannot resolve an incident that is Closed.")]
    [InlineData(TicketStatus.Resolved, "cancel", "Cannot cancel an incident that is Resolved.")]
    [InlineData(TicketStatus.Cancelled, "assign", "Cannot assign an incident that is Cancelled.")]
    public void The_refusal_says_what_was_tried_and_the_current_state_in_plain_words(TicketStatus from, string move, string message)
    {
        var ticket = In(from);

        var refused = Assert.Throws<DomainException>(() => Apply(ticket, move));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public void Resolving_a_closed_incident_is_refused()
    {
        var ticket = In(TicketStatus.Closed);

        var refused = Assert.Throws<DomainException>(() => ticket.Resolve("FIXED", "Again.", Agent, Later, Sla.Silver));

        Assert.Equal("illegal-transition", refused.Rule);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
    }

    [Fact]
    public void A_refused_move_on_a_service_request_names_a_service_request()
    {
        var ticket = In(TicketStatus.New, TicketKind.ServiceRequest);

        var refused = Assert.Throws<DomainException>(() => ticket.Start(Agent, Later, Sla.Silver));

        Assert.Equal("Cannot start work on a service request that is New.", refused.Message);
    }

    [Fact]
    public void Assigning_a_new_incident_sets_group_and_assignee_and_moves_it_to_Assigned()
    {
        var ticket = In(TicketStatus.New);

        ticket.Assign("Infrastructure", "bob.agent", Agent, Later);

        Assert.Equal(TicketStatus.Assigned, ticket.Status);
        Assert.Equal("Infrastructure", ticket.AssignmentGroup);
        Assert.Equal("bob.agent", ticket.Assignee);
    }

    [Fact]
    public void Assigning_does_not_acknowledge_the_incident_until_work_starts()
    {
        var ticket = In(TicketStatus.New);

        ticket.Assign("Infrastructure", "bob.agent", Agent, Later);

        Assert.Null(ticket.AcknowledgedAt);
        Assert.Equal(SlaClockState.Running, ticket.Response.State);
    }

    [Fact]
    public void Starting_work_without_an_assignee_assigns_the_agent_who_starts()
    {
        var ticket = In(TicketStatus.New);
        ticket.Assign("Infrastructure", null, Agent, MondayNine.AddMinutes(5));

        ticket.Start(OtherAgent, Later, Sla.Silver);

        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Equal("bob.agent", ticket.Assignee);
        Assert.Equal("Infrastructure", ticket.AssignmentGroup);
    }

    [Fact]
    public void Starting_work_keeps_the_assignee_already_named()
    {
        var ticket = In(TicketStatus.New);
        ticket.Assign("Infrastructure", "alice.agent", Agent, MondayNine.AddMinutes(5));

        ticket.Start(OtherAgent, Later, Sla.Silver);

        Assert.Equal("alice.agent", ticket.Assignee);
    }

    [Fact]
    public void Starting_work_acknowledges_the_incident_and_stops_the_response_clock_as_met()
    {
        var ticket = In(TicketStatus.Assigned);

        ticket.Start(Agent, Later, Sla.Silver);

        Assert.Equal(Later, ticket.AcknowledgedAt);
        Assert.Equal(SlaClockState.Met, ticket.Response.State);
        Assert.Equal(Later, ticket.Response.StoppedAt);
        Assert.False(ticket.Response.IsCounting);
        Assert.Equal(SlaClockState.Running, ticket.Resolution.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Putting_on_hold_without_a_reason_is_invalid(string reason)
    {
        var ticket = In(TicketStatus.InProgress);

        var refused = Assert.Throws<DomainException>(() => ticket.Hold(reason, Agent, Later, Sla.Silver));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Equal("reason", refused.Field);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Equal(SlaClockState.Running, ticket.Resolution.State);
    }

    [Fact]
    public void Putting_on_hold_keeps_the_reason_and_resuming_clears_it()
    {
        var ticket = In(TicketStatus.InProgress);

        ticket.Hold("  Waiting for the vendor  ", Agent, Later, Sla.Silver);
        Assert.Equal(TicketStatus.OnHold, ticket.Status);
        Assert.Equal("Waiting for the vendor", ticket.HoldReason);

        ticket.Resume(Agent, Later.AddMinutes(30), Sla.Silver);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Null(ticket.HoldReason);
    }

    [Theory]
    [InlineData("", "Restarted the relay.", "resolutionCode")]
    [InlineData("FIXED", " ", "notes")]
    public void Resolving_needs_a_resolution_code_and_notes(string code, string notes, string field)
    {
        var ticket = In(TicketStatus.InProgress);

        var refused = Assert.Throws<DomainException>(() => ticket.Resolve(code, notes, Agent, Later, Sla.Silver));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Equal(field, refused.Field);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Null(ticket.ResolvedAt);
    }

    [Fact]
    public void Resolving_records_code_notes_and_when()
    {
        var ticket = In(TicketStatus.InProgress);

        ticket.Resolve("WORKAROUND", "Mail routed through the backup relay.", Agent, Later, Sla.Silver);

        Assert.Equal("WORKAROUND", ticket.ResolutionCode);
        Assert.Equal("Mail routed through the backup relay.", ticket.ResolutionNotes);
        Assert.Equal(Later, ticket.ResolvedAt);
        Assert.Equal(Later + TimeSpan.FromDays(3), ticket.AutoCloseAt);
        Assert.Single(ticket.Events<TicketResolved>());
    }

    [Fact]
    public void Closing_a_resolved_incident_records_when_and_ends_the_auto_close()
    {
        var ticket = In(TicketStatus.Resolved);

        ticket.Close(CustomerUser, Later);

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(Later, ticket.ClosedAt);
        Assert.Null(ticket.AutoCloseAt);
        Assert.False(ticket.IsOpen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Reopening_without_a_reason_is_invalid(string reason)
    {
        var ticket = In(TicketStatus.Resolved);

        var refused = Assert.Throws<DomainException>(() => ticket.Reopen(reason, CustomerUser, Later, Sla.Silver));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Equal("reason", refused.Field);
        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.Equal(0, ticket.ReopenCount);
    }

    [Fact]
    public void Reopening_goes_back_to_work_is_counted_and_forgets_the_resolution()
    {
        var ticket = In(TicketStatus.Resolved);

        ticket.Reopen("Still cannot send mail", CustomerUser, Later, Sla.Silver);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Equal(1, ticket.ReopenCount);
        Assert.Null(ticket.ResolvedAt);
        Assert.Null(ticket.ResolutionCode);
        Assert.Null(ticket.ResolutionNotes);
        Assert.Null(ticket.AutoCloseAt);

        ticket.Resolve("FIXED", "Replaced the relay certificate.", Agent, Later.AddHours(1), Sla.Silver);
        ticket.Reopen("Fails again after the restart", CustomerUser, Later.AddHours(2), Sla.Silver);
        Assert.Equal(2, ticket.ReopenCount);
    }

    [Theory]
    [InlineData(TicketStatus.New)]
    [InlineData(TicketStatus.Assigned)]
    [InlineData(TicketStatus.InProgress)]
    [InlineData(TicketStatus.OnHold)]
    public void Cancelling_an_open_incident_stops_its_clocks_and_ends_it(TicketStatus from)
    {
        var ticket = In(from);

        ticket.Cancel("Duplicate of INC000000", Agent, Later, Sla.Silver);

        Assert.Equal(TicketStatus.Cancelled, ticket.Status);
        Assert.Equal(Later, ticket.ClosedAt);
        Assert.False(ticket.IsOpen);
        Assert.True(ticket.Response.IsStopped);
        Assert.True(ticket.Resolution.IsStopped);

        // No outcome for a clock still going: the response one is met from the start of work on, the resolution one is cancelled.
        Assert.Equal(from is TicketStatus.New or TicketStatus.Assigned ? SlaClockState.Cancelled : SlaClockState.Met, ticket.Response.State);
        Assert.Equal(SlaClockState.Cancelled, ticket.Resolution.State);
        Assert.Equal(Ticket.NotDue, ticket.QueueDueAt);
        Assert.Null(ticket.NextCheckAt);
    }

    [Fact]
    public void Cancelling_without_a_reason_is_invalid()
    {
        var ticket = In(TicketStatus.New);

        var refused = Assert.Throws<DomainException>(() => ticket.Cancel(" ", Agent, Later, Sla.Silver));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Equal("reason", refused.Field);
        Assert.Equal(TicketStatus.New, ticket.Status);
    }

    private static void Apply(Ticket ticket, string move)
    {
        var sla = Sla.Silver;
        switch (move)
        {
            case "assign":
                ticket.Assign("Infrastructure", OtherAgent.Name, Agent, Later);
                break;
            case "start":
                ticket.Start(Agent, Later, sla);
                break;
            case "hold":
                ticket.Hold("Waiting for the customer", Agent, Later, sla);
                break;
            case "resume":
                ticket.Resume(Agent, Later, sla);
                break;
            case "resolve":
                ticket.Resolve("FIXED", "Restarted the relay.", Agent, Later, sla);
                break;
            case "close":
                ticket.Close(CustomerUser, Later);
                break;
            case "reopen":
                ticket.Reopen("Still broken", CustomerUser, Later, sla);
                break;
            case "cancel":
                ticket.Cancel("Duplicate", Agent, Later, sla);
                break;
            case "escalate":
                ticket.Escalate(2, "Infrastructure", "Needs a specialist", Agent, Later);
                break;
            case "edit":
                ticket.UpdateDetails("Mail server down", "Still down.", Impact.High, Urgency.High, TicketCategory.Incident, Agent, Later, sla);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(move), move, "Unknown move.");
        }
    }
}
