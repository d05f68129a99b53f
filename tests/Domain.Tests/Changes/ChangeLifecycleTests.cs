using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using static ServiceDesk.Domain.Tests.Changes.Changes;

namespace ServiceDesk.Domain.Tests.Changes;

/// <summary>The change state machine of domain.md section 6: every move, allowed or refused.</summary>
public class ChangeLifecycleTests
{
    private static readonly DateTimeOffset Later = On(12, 9);

    private static readonly string[] Moves = ["edit", "submit", "approve", "reject", "schedule", "start", "complete", "review", "close", "cancel"];

    /// <summary>The moves domain.md allows from each state (a Normal Medium change: one approval approves it).</summary>
    private static readonly (ChangeStatus From, string Move, ChangeStatus To)[] Allowed =
    [
        (ChangeStatus.Draft, "edit", ChangeStatus.Draft),
        (ChangeStatus.Draft, "submit", ChangeStatus.Submitted),
        (ChangeStatus.Submitted, "approve", ChangeStatus.Approved),
        (ChangeStatus.Submitted, "reject", ChangeStatus.Rejected),
        (ChangeStatus.Approved, "schedule", ChangeStatus.Scheduled),
        (ChangeStatus.Scheduled, "schedule", ChangeStatus.Scheduled),
        (ChangeStatus.Scheduled, "start", ChangeStatus.Implementing),
        (ChangeStatus.Implementing, "complete", ChangeStatus.Implemented),
        (ChangeStatus.Implemented, "review", ChangeStatus.Reviewed),
        (ChangeStatus.Reviewed, "close", ChangeStatus.Closed),

        // Cancelled before implementation starts.
        (ChangeStatus.Draft, "cancel", ChangeStatus.Cancelled),
        (ChangeStatus.Submitted, "cancel", ChangeStatus.Cancelled),
        (ChangeStatus.Approved, "cancel", ChangeStatus.Cancelled),
        (ChangeStatus.Scheduled, "cancel", ChangeStatus.Cancelled),
    ];

    public static TheoryData<ChangeStatus, string, ChangeStatus> AllowedMoves()
    {
        var data = new TheoryData<ChangeStatus, string, ChangeStatus>();
        foreach (var (from, move, to) in Allowed)
            data.Add(from, move, to);
        return data;
    }

    public static TheoryData<ChangeStatus, string> RefusedMoves()
    {
        var data = new TheoryData<ChangeStatus, string>();
        foreach (var from in Enum.GetValues<ChangeStatus>())
        {
            foreach (var move in Moves)
            {
                if (!Allowed.Any(a => a.From == from && a.Move == move))
                    data.Add(from, move);
            }
        }

        return data;
    }

    private static void Apply(Change change, string move)
    {
        switch (move)
        {
            case "edit":
                change.Update(Details(customerId: Acme) with { Summary = "Edited" }, Requester, Later);
                break;
            case "submit":
                change.Submit(Kinds, Requester, Later);
                break;
            case "approve":
                change.Approve("Fine.", Approver, Later);
                break;
            case "reject":
                change.Reject("No.", Approver, Later);
                break;
            case "schedule":
                change.Schedule(Window(21, 10, 12), false, [], [], Requester, Later);
                break;
            case "start":
                change.Start(Requester, Later);
                break;
            case "complete":
                change.Complete(Requester, Later);
                break;
            case "review":
                change.Review(ChangeOutcome.Successful, "Fine.", Requester, Later);
                break;
            case "close":
                change.Close(Requester, Later);
                break;
            default:
                change.Cancel(Requester, Later);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void An_allowed_move_leads_to_the_next_state_and_leaves_a_history_line(ChangeStatus from, string move, ChangeStatus to)
    {
        var change = In(from);
        var history = change.HistoryCount;

        Apply(change, move);

        Assert.Equal(to, change.Status);
        Assert.True(change.HistoryCount > history, "every step is in the history");
        Assert.Equal(Later, change.LastChangedAt);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Any_other_move_is_refused_as_an_illegal_transition_naming_the_current_state(ChangeStatus from, string move)
    {
        var change = In(from);
        var history = change.HistoryCount;

        var refused = Assert.Throws<DomainException>(() => Apply(change, move));

        Assert.Equal("illegal-transition", refused.Rule);
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.EndsWith($"a change that is {from}.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(from, change.Status);
        Assert.Equal(history, change.HistoryCount);
    }

    [Theory]
    [InlineData(ChangeStatus.Draft, "approve", "Cannot approve a change that is Draft.")]
    [InlineData(ChangeStatus.Approved, "start", "Cannot start a change that is Approved.")]
    [InlineData(ChangeStatus.Implementing, "cancel", "Cannot cancel a change that is Implementing.")]
    [InlineData(ChangeStatus.Submitted, "edit", "Cannot edit a change that is Submitted.")]
    [InlineData(ChangeStatus.Rejected, "schedule", "Cannot schedule a change that is Rejected.")]
    public void The_refusal_says_what_was_tried_in_plain_words(ChangeStatus from, string move, string message)
    {
        var change = In(from);

        var refused = Assert.Throws<DomainException>(() => Apply(change, move));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public void Every_step_of_a_change_is_recorded_in_order()
    {
        var change = In(ChangeStatus.Closed);

        var statuses = change.NewHistory.Where(h => h.Action == "status").Select(h => h.NewValue!.Split(' ')[0]).ToList();

        Assert.Equal(["Submitted", "Approved", "Scheduled", "Implementing", "Implemented", "Reviewed", "Closed"], statuses);
        Assert.Equal("created", change.NewHistory[0].Action);
        Assert.Equal(Enumerable.Range(1, change.NewHistory.Count).Select(i => (long)i), change.NewHistory.Select(h => h.Sequence));
        Assert.All(change.NewHistory, h => Assert.Equal(change.Id, h.OwnerId));
    }

    [Fact]
    public void Starting_before_the_window_opens_records_the_actual_start()
    {
        var change = In(ChangeStatus.Scheduled);
        var early = On(19, 8);

        change.Start(Requester, early);

        Assert.Equal(ChangeStatus.Implementing, change.Status);
        Assert.Equal(early, change.ActualStart);
        Assert.Equal(On(20, 10), change.PlannedStart);
    }

    [Fact]
    public void Completing_records_the_actual_end()
    {
        var change = In(ChangeStatus.Implementing);

        change.Complete(Requester, Later);

        Assert.Equal(Later, change.ActualEnd);
    }

    [Theory]
    [InlineData(ChangeOutcome.Successful)]
    [InlineData(ChangeOutcome.Failed)]
    [InlineData(ChangeOutcome.RolledBack)]
    public void The_review_records_the_outcome_and_its_notes(ChangeOutcome outcome)
    {
        var change = In(ChangeStatus.Implemented);

        change.Review(outcome, "Checked the next morning.", Requester, Later);

        Assert.Equal(outcome, change.Outcome);
        Assert.Equal("Checked the next morning.", change.ReviewNotes);
        Assert.Contains(change.NewHistory, h => h.Action == "review" && h.NewValue == outcome.ToString());
    }

    [Fact]
    public void A_review_needs_notes()
    {
        var change = In(ChangeStatus.Implemented);

        var refused = Assert.Throws<DomainException>(() => change.Review(ChangeOutcome.Failed, " ", Requester, Later));

        Assert.Equal("notes", refused.Field);
        Assert.Equal(ChangeStatus.Implemented, change.Status);
    }

    [Theory]
    [InlineData(ChangeStatus.Closed)]
    [InlineData(ChangeStatus.Rejected)]
    [InlineData(ChangeStatus.Cancelled)]
    public void Closed_rejected_and_cancelled_are_final_and_stamped(ChangeStatus final)
    {
        var change = In(final);

        Assert.True(change.IsFinal);
        Assert.NotNull(change.ClosedAt);
    }

    [Fact]
    public void Editing_a_draft_records_each_field_that_changed_and_nothing_else()
    {
        var change = Draft(customerId: Acme);
        var history = change.HistoryCount;

        change.Update(Details(ChangeType.Emergency, ChangeRisk.High, Acme) with { BackoutPlan = "Swap in the spare switch." }, Requester, Later);

        var fields = change.NewHistory.Skip((int)history).Select(h => h.Field).ToList();
        Assert.Equal(["type", "risk", "backoutPlan"], fields);
        Assert.Equal(ChangeType.Emergency, change.Type);
        Assert.Equal(1, change.RequiredApprovals);
    }

    [Fact]
    public void A_refused_edit_leaves_the_draft_as_it_was()
    {
        var change = Draft(customerId: Acme);

        Assert.Throws<DomainException>(() => change.Update(Details(customerId: Acme, products: "not a code"), Requester, Later));

        Assert.Equal([SupportProduct], change.ProductCodes);
        Assert.Equal("Upgrade core switch firmware", change.Summary);
    }

    [Fact]
    public void A_change_created_in_full_is_a_draft_numbered_and_announced()
    {
        var change = Draft(ChangeType.Normal, ChangeRisk.High, Acme, RequestProduct, SupportProduct, RequestProduct);

        Assert.Equal(ChangeStatus.Draft, change.Status);
        Assert.Equal([RequestProduct, SupportProduct], change.ProductCodes);
        Assert.Equal(2, change.RequiredApprovals);
        Assert.Equal("li.wei", change.RequestedBy);
        var created = Assert.Single(change.Events<ChangeCreated>());
        Assert.Equal((change.Number, "ticket.created", TicketKind.Change, Acme), (created.Number, created.EventType, created.Kind, created.CustomerId));
    }

    [Fact]
    public void The_overlap_index_rows_follow_the_change_products_status_and_window()
    {
        var change = In(ChangeStatus.Scheduled, Draft(ChangeType.Normal, ChangeRisk.Medium, Acme, RequestProduct, SupportProduct));

        Assert.Equal([RequestProduct, SupportProduct], change.AffectedProducts.Select(p => p.ProductCode).Order(StringComparer.Ordinal));
        Assert.All(change.AffectedProducts, p =>
        {
            Assert.Equal(ChangeStatus.Scheduled, p.Status);
            Assert.Equal(change.PlannedStart, p.PlannedStart);
            Assert.Equal(change.PlannedEnd, p.PlannedEnd);
            Assert.Equal(Acme, p.CustomerId);
            Assert.Equal(change.Number, p.Number);
        });

        change.Start(Requester, Later);

        Assert.All(change.AffectedProducts, p => Assert.Equal(ChangeStatus.Implementing, p.Status));
    }

    [Fact]
    public void Editing_the_products_of_a_draft_adds_and_removes_their_index_rows()
    {
        var change = Draft(ChangeType.Normal, ChangeRisk.Medium, Acme, RequestProduct, SupportProduct);
        var kept = change.AffectedProducts.Single(p => p.ProductCode == SupportProduct);

        change.Update(Details(customerId: null, products: [SupportProduct, OtherRequestProduct]), Requester, Later);

        Assert.Equal([SupportProduct, OtherRequestProduct], change.AffectedProducts.Select(p => p.ProductCode).Order(StringComparer.Ordinal));
        Assert.Same(kept, change.AffectedProducts.Single(p => p.ProductCode == SupportProduct));
        Assert.All(change.AffectedProducts, p => Assert.Null(p.CustomerId));
    }
}
