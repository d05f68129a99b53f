using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;
using static ServiceDesk.Domain.Tests.Changes.Changes;

namespace ServiceDesk.Domain.Tests.Changes;

/// <summary>A change lists the incidents and problems it fixes, and the incidents it caused (domain.md section 6).</summary>
public class ChangeLinkTests
{
    private static readonly DateTimeOffset Later = On(25, 9);

    [Fact]
    public void A_change_lists_the_incidents_and_problems_it_fixes_in_order_and_once()
    {
        var change = In(ChangeStatus.Approved);

        change.AddFixedIncident("INC000042", Requester, Later);
        change.AddFixedIncident("INC000007", Requester, Later);
        change.AddFixedIncident("INC000042", Requester, Later);
        change.AddFixedProblem("PRB000003", Requester, Later);

        Assert.Equal(["INC000007", "INC000042"], change.FixesIncidents);
        Assert.Equal(["PRB000003"], change.FixesProblems);
        Assert.Equal(3, change.NewHistory.Count(h => h.Action == "link"));
    }

    [Fact]
    public void A_fix_can_be_removed_and_removing_one_that_is_not_listed_is_refused()
    {
        var change = In(ChangeStatus.Draft);
        change.AddFixedIncident("INC000042", Requester, Later);

        change.RemoveFixedIncident("INC000042", Requester, Later);

        Assert.Empty(change.FixesIncidents);
        Assert.Equal("not-linked", Assert.Throws<DomainException>(() => change.RemoveFixedIncident("INC000042", Requester, Later)).Rule);
        Assert.Contains(change.NewHistory, h => h.Action == "unlink" && h.OldValue == "INC000042");
    }

    [Theory]
    [InlineData(ChangeStatus.Rejected)]
    [InlineData(ChangeStatus.Cancelled)]
    public void A_rejected_or_cancelled_change_fixes_nothing(ChangeStatus status)
    {
        var change = In(status);

        var refused = Assert.Throws<DomainException>(() => change.AddFixedIncident("INC000042", Requester, Later));

        Assert.Equal("illegal-transition", refused.Rule);
    }

    [Theory]
    [InlineData(ChangeStatus.Implementing)]
    [InlineData(ChangeStatus.Implemented)]
    [InlineData(ChangeStatus.Reviewed)]
    [InlineData(ChangeStatus.Closed)]
    public void A_change_that_was_carried_out_can_have_caused_an_incident(ChangeStatus status)
    {
        var change = In(status);

        change.RecordCausedIncident("INC000051", Requester, Later);

        Assert.Equal(["INC000051"], change.CausedIncidents);
        Assert.Contains(change.NewHistory, h => h.Action == "link" && h.Field == "causedIncidents");
    }

    [Theory]
    [InlineData(ChangeStatus.Draft)]
    [InlineData(ChangeStatus.Approved)]
    [InlineData(ChangeStatus.Scheduled)]
    [InlineData(ChangeStatus.Cancelled)]
    public void A_change_that_was_never_carried_out_cannot_have_caused_an_incident(ChangeStatus status)
    {
        var change = In(status);

        var refused = Assert.Throws<DomainException>(() => change.RecordCausedIncident("INC000051", Requester, Later));

        Assert.Equal("change-not-implemented", refused.Rule);
        Assert.Equal("changeNumber", refused.Field);
        Assert.Empty(change.CausedIncidents);
    }

    [Fact]
    public void A_caused_incident_can_be_forgotten()
    {
        var change = In(ChangeStatus.Closed);
        change.RecordCausedIncident("INC000051", Requester, Later);

        change.ForgetCausedIncident("INC000051", Requester, Later);

        Assert.Empty(change.CausedIncidents);
    }

    [Theory]
    [InlineData(ChangeStatus.Implemented)]
    [InlineData(ChangeStatus.Reviewed)]
    [InlineData(ChangeStatus.Closed)]
    public void A_change_that_was_implemented_successfully_can_be_named_as_a_fix(ChangeStatus status)
    {
        In(status).EnsureDeliveredFix();
    }

    [Fact]
    public void A_change_not_implemented_yet_or_that_failed_is_not_a_fix()
    {
        Assert.Equal("change-not-implemented", Assert.Throws<DomainException>(() => In(ChangeStatus.Implementing).EnsureDeliveredFix()).Rule);

        var failed = In(ChangeStatus.Implemented);
        failed.Review(ChangeOutcome.RolledBack, "Rolled back at 02:00.", Requester, Later);
        Assert.Equal("change-not-successful", Assert.Throws<DomainException>(() => failed.EnsureDeliveredFix()).Rule);
    }
}
