using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using static ServiceDesk.Domain.Tests.Changes.Changes;

namespace ServiceDesk.Domain.Tests.Changes;

/// <summary>
/// Approval (domain.md section 6): Standard is approved on submit; Normal needs 1 approval, 2 at High risk; Emergency
/// needs 1; any rejection rejects; the requester cannot approve their own change; nobody approves twice.
/// </summary>
public class ChangeApprovalTests
{
    private static readonly DateTimeOffset Later = On(10, 9);

    private static Change Submitted(ChangeType type, ChangeRisk risk, params string[] products)
    {
        var change = Draft(type, risk, Acme, products);
        change.Submit(Kinds, Requester, Later);
        return change;
    }

    [Theory]
    [InlineData(ChangeType.Standard, ChangeRisk.Low, 0)]
    [InlineData(ChangeType.Normal, ChangeRisk.Low, 1)]
    [InlineData(ChangeType.Normal, ChangeRisk.Medium, 1)]
    [InlineData(ChangeType.Normal, ChangeRisk.High, 2)]
    [InlineData(ChangeType.Emergency, ChangeRisk.Low, 1)]
    [InlineData(ChangeType.Emergency, ChangeRisk.High, 1)]
    public void The_approvals_needed_follow_type_and_risk(ChangeType type, ChangeRisk risk, int needed)
    {
        Assert.Equal(needed, Change.ApprovalsRequiredFor(type, risk));
    }

    [Fact]
    public void A_standard_change_from_request_products_is_approved_on_submit()
    {
        var change = Draft(ChangeType.Standard, ChangeRisk.Low, Acme, RequestProduct, OtherRequestProduct);

        change.Submit(Kinds, Requester, Later);

        Assert.Equal(ChangeStatus.Approved, change.Status);
        Assert.Equal(Later, change.SubmittedAt);
        Assert.Equal(Later, change.ApprovedAt);
        Assert.Empty(change.Approvals);
        var approved = Assert.Single(change.Events<ChangeApproved>());
        Assert.True(approved.Automatic);
        Assert.Equal(["Submitted", "Approved"], change.NewHistory.Where(h => h.Action == "status").Select(h => h.NewValue));
    }

    [Fact]
    public void A_standard_change_touching_a_support_product_is_refused_on_submit()
    {
        var change = Draft(ChangeType.Standard, ChangeRisk.Low, Acme, RequestProduct, SupportProduct);

        var refused = Assert.Throws<DomainException>(() => change.Submit(Kinds, Requester, Later));

        Assert.Equal("not-a-standard-change", refused.Rule);
        Assert.Equal(DomainErrorKind.Unprocessable, refused.Kind);
        Assert.Contains(SupportProduct, refused.Message, StringComparison.Ordinal);
        Assert.Equal(ChangeStatus.Draft, change.Status);
    }

    [Fact]
    public void A_standard_change_on_a_product_the_catalog_does_not_know_is_refused()
    {
        var change = Draft(ChangeType.Standard, ChangeRisk.Low, Acme, "MNT-SW-99");

        var refused = Assert.Throws<DomainException>(() => change.Submit(Kinds, Requester, Later));

        Assert.Equal("not-a-standard-change", refused.Rule);
    }

    [Theory]
    [InlineData(ChangeRisk.Medium)]
    [InlineData(ChangeRisk.High)]
    public void A_standard_change_must_be_low_risk(ChangeRisk risk)
    {
        var change = Draft(ChangeType.Standard, risk, Acme, RequestProduct);

        var refused = Assert.Throws<DomainException>(() => change.Submit(Kinds, Requester, Later));

        Assert.Equal("not-a-standard-change", refused.Rule);
        Assert.Equal("type", refused.Field);
    }

    [Theory]
    [InlineData(ChangeType.Normal, ChangeRisk.Medium)]
    [InlineData(ChangeType.Emergency, ChangeRisk.High)]
    public void A_normal_or_emergency_change_waits_for_approval_after_submit(ChangeType type, ChangeRisk risk)
    {
        var change = Submitted(type, risk);

        Assert.Equal(ChangeStatus.Submitted, change.Status);
        Assert.Empty(change.Events<ChangeApproved>());
    }

    [Theory]
    [InlineData(ChangeType.Normal, ChangeRisk.Low)]
    [InlineData(ChangeType.Normal, ChangeRisk.Medium)]
    [InlineData(ChangeType.Emergency, ChangeRisk.High)]
    public void One_approval_approves_a_normal_change_below_high_risk_and_any_emergency_change(ChangeType type, ChangeRisk risk)
    {
        var change = Submitted(type, risk);

        change.Approve("Backout plan tested.", Approver, Later);

        Assert.Equal(ChangeStatus.Approved, change.Status);
        var approval = Assert.Single(change.Approvals);
        Assert.Equal(new ChangeApproval(Approver.Id, Approver.Name, ApprovalDecision.Approved, "Backout plan tested.", Later), approval);
        var approved = Assert.Single(change.Events<ChangeApproved>());
        Assert.Equal(1, approved.Approvals);
        Assert.False(approved.Automatic);
    }

    [Fact]
    public void A_high_risk_normal_change_needs_two_approvals()
    {
        var change = Submitted(ChangeType.Normal, ChangeRisk.High);

        change.Approve("Fine by me.", Approver, Later);

        Assert.Equal(ChangeStatus.Submitted, change.Status);
        Assert.Contains(change.NewHistory, h => h.Action == "approval" && h.NewValue!.StartsWith("1 of 2", StringComparison.Ordinal));

        change.Approve("Agreed.", SecondApprover, Later.AddMinutes(5));

        Assert.Equal(ChangeStatus.Approved, change.Status);
        Assert.Equal(2, change.Approvals.Count);
        Assert.Equal(Later.AddMinutes(5), change.ApprovedAt);
    }

    [Fact]
    public void The_requester_cannot_approve_their_own_change()
    {
        var change = Submitted(ChangeType.Normal, ChangeRisk.Medium);

        var refused = Assert.Throws<DomainException>(() => change.Approve("Mine, and fine.", Requester, Later));

        Assert.Equal("requester-cannot-approve", refused.Rule);
        Assert.Equal(DomainErrorKind.Unprocessable, refused.Kind);
        Assert.Equal(ChangeStatus.Submitted, change.Status);
        Assert.Empty(change.Approvals);
    }

    [Fact]
    public void Another_approver_with_the_requester_s_name_may_approve_people_are_told_apart_by_id()
    {
        var change = Submitted(ChangeType.Normal, ChangeRisk.Medium);

        change.Approve("Not my change.", NamesakeApprover, Later);

        Assert.Equal(ChangeStatus.Approved, change.Status);
    }

    [Fact]
    public void An_approver_cannot_approve_the_same_change_twice()
    {
        var change = Submitted(ChangeType.Normal, ChangeRisk.High);
        change.Approve("Fine by me.", Approver, Later);

        var refused = Assert.Throws<DomainException>(() => change.Approve("Really fine.", Approver, Later.AddMinutes(1)));

        Assert.Equal("already-approved", refused.Rule);
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Equal(ChangeStatus.Submitted, change.Status);
        Assert.Single(change.Approvals);
    }

    [Fact]
    public void Any_rejection_rejects_even_after_an_approval()
    {
        var change = Submitted(ChangeType.Normal, ChangeRisk.High);
        change.Approve("Fine by me.", Approver, Later);

        change.Reject("No backout for the database part.", SecondApprover, Later.AddMinutes(1));

        Assert.Equal(ChangeStatus.Rejected, change.Status);
        Assert.Equal([ApprovalDecision.Approved, ApprovalDecision.Rejected], change.Approvals.Select(a => a.Decision));
        Assert.Empty(change.Events<ChangeApproved>());
        Assert.Contains(change.NewHistory, h => h.Action == "status" && h.NewValue == "Rejected" && h.Note == "No backout for the database part.");
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    public void A_decision_needs_a_comment(string decision)
    {
        var change = Submitted(ChangeType.Normal, ChangeRisk.Medium);

        var refused = Assert.Throws<DomainException>(() =>
        {
            if (decision == "approve")
                change.Approve("  ", Approver, Later);
            else
                change.Reject("", Approver, Later);
        });

        Assert.Equal("comment", refused.Field);
        Assert.Equal(ChangeStatus.Submitted, change.Status);
    }

    [Fact]
    public void An_incomplete_draft_cannot_be_submitted_and_the_refusal_names_what_is_missing()
    {
        var change = Change.Open("CHG000900", Acme, null, "Replace the UPS", "Batteries at end of life.", Channel.Email, "ACME-77", new Actor("key-customer", "carol@acme.example", IsCustomer: true), Now);

        var refused = Assert.Throws<DomainException>(() => change.Submit(Kinds, Requester, Later));

        Assert.Equal("change-incomplete", refused.Rule);
        Assert.Equal("type", refused.Field);
        foreach (var field in new[] { "type", "risk", "implementationPlan", "backoutPlan", "productCodes" })
            Assert.Contains(field, refused.Message, StringComparison.Ordinal);
        Assert.Equal(ChangeStatus.Draft, change.Status);
    }

    [Fact]
    public void A_draft_raised_at_the_desk_is_completed_then_submitted_and_its_requester_still_cannot_approve_it()
    {
        var change = Change.Open("CHG000901", Acme, RequestProduct, "Release 4.2 of the portal", "Customer asks for the release.", Channel.Portal, null, new Actor("key-customer", "carol@acme.example", IsCustomer: true), Now);
        Assert.Null(change.Type);
        Assert.Equal([RequestProduct], change.ProductCodes);

        change.Update(Details(ChangeType.Normal, ChangeRisk.Low, Acme, RequestProduct), Requester, Later);
        change.Submit(Kinds, Requester, Later.AddMinutes(1));

        Assert.Equal(ChangeStatus.Submitted, change.Status);
        Assert.Equal("key-customer", change.RequestedById);
        Assert.Throws<DomainException>(() => change.Approve("Fine.", new Actor("key-customer", "carol@acme.example", IsCustomer: true), Later.AddMinutes(2)));
        change.Approve("Fine.", Requester, Later.AddMinutes(2));
        Assert.Equal(ChangeStatus.Approved, change.Status);
    }

    [Fact]
    public void The_required_approvals_are_fixed_when_the_change_is_submitted()
    {
        var change = Draft(ChangeType.Normal, ChangeRisk.High, Acme);
        Assert.Equal(2, change.RequiredApprovals);

        change.Update(Details(ChangeType.Normal, ChangeRisk.Low, Acme), Requester, Later);
        change.Submit(Kinds, Requester, Later);

        Assert.Equal(1, change.RequiredApprovals);
    }
}
