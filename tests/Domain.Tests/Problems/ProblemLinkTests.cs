using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.Tests.Incidents;
using static ServiceDesk.Domain.Tests.Problems.Problems;

namespace ServiceDesk.Domain.Tests.Problems;

/// <summary>Linking incidents to a problem (domain.md section 7): a linked incident shows the problem's workaround.</summary>
public class ProblemLinkTests
{
    [Theory]
    [InlineData(ProblemStatus.New)]
    [InlineData(ProblemStatus.Investigating)]
    [InlineData(ProblemStatus.KnownError)]
    public void Incidents_are_linked_to_an_open_problem_and_counted(ProblemStatus status)
    {
        var problem = In(status);

        problem.LinkIncident("INC000001", Agent, Later);
        problem.LinkIncident("INC000002", Agent, Later);

        Assert.Equal(2, problem.IncidentCount);
        Assert.Equal(2, problem.NewHistory.Count(h => h.Action == "link"));
    }

    [Theory]
    [InlineData(ProblemStatus.Resolved)]
    [InlineData(ProblemStatus.Closed)]
    public void A_resolved_or_closed_problem_takes_no_more_incidents(ProblemStatus status)
    {
        var problem = In(status);

        var refused = Assert.Throws<DomainException>(() => problem.LinkIncident("INC000001", Agent, Later));

        Assert.Equal("illegal-transition", refused.Rule);
        Assert.Equal(0, problem.IncidentCount);
        Assert.Throws<DomainException>(() => problem.UnlinkIncident("INC000001", Agent, Later));
    }

    [Fact]
    public void Unlinking_counts_the_incident_out()
    {
        var problem = In(ProblemStatus.Investigating);
        problem.LinkIncident("INC000001", Agent, Later);

        problem.UnlinkIncident("INC000001", Agent, Later);

        Assert.Equal(0, problem.IncidentCount);
        Assert.Contains(problem.NewHistory, h => h.Action == "unlink" && h.OldValue == "INC000001");
    }

    [Fact]
    public void A_linked_incident_shows_the_problem_number_and_its_workaround()
    {
        var incident = Tickets.In(TicketStatus.InProgress);

        incident.LinkToProblem("PRB000007", "Restart the relay service.", Tickets.Agent, Later);

        Assert.Equal("PRB000007", incident.ProblemNumber);
        Assert.Equal("Restart the relay service.", incident.Workaround);
        Assert.Contains(incident.NewHistory, h => h.Action == "linked" && h.NewValue == "PRB000007");
        Assert.Contains("problem", Assert.Single(incident.Events<TicketUpdated>()).Changes);
    }

    [Fact]
    public void An_incident_linked_to_a_problem_before_its_known_error_shows_the_workaround_once_it_is_recorded()
    {
        var incident = Tickets.In(TicketStatus.InProgress);
        incident.LinkToProblem("PRB000007", null, Tickets.Agent, Later);

        incident.ShowWorkaround("Restart the relay service.", Tickets.Agent, Later.AddHours(1));

        Assert.Equal("Restart the relay service.", incident.Workaround);
        Assert.Contains(incident.NewHistory, h => h.Action == "workaround");
    }

    [Fact]
    public void An_incident_is_linked_to_one_problem_at_a_time()
    {
        var incident = Tickets.In(TicketStatus.New);
        incident.LinkToProblem("PRB000007", null, Tickets.Agent, Later);

        var other = Assert.Throws<DomainException>(() => incident.LinkToProblem("PRB000008", null, Tickets.Agent, Later));
        var again = Assert.Throws<DomainException>(() => incident.LinkToProblem("PRB000007", null, Tickets.Agent, Later));

        Assert.Equal("incident-already-linked", other.Rule);
        Assert.Contains("PRB000007", other.Message, StringComparison.Ordinal);
        Assert.Equal("already-linked", again.Rule);
        Assert.Equal("PRB000007", incident.ProblemNumber);
    }

    [Fact]
    public void Unlinking_an_incident_removes_the_problem_and_the_workaround_from_it()
    {
        var incident = Tickets.In(TicketStatus.Resolved);
        incident.LinkToProblem("PRB000007", "Restart the relay service.", Tickets.Agent, Later);

        incident.UnlinkFromProblem(Tickets.Agent, Later);

        Assert.Null(incident.ProblemNumber);
        Assert.Null(incident.Workaround);
        Assert.Equal("not-linked", Assert.Throws<DomainException>(() => incident.UnlinkFromProblem(Tickets.Agent, Later)).Rule);
    }

    [Fact]
    public void Closed_incidents_can_be_linked_too_they_are_history_of_the_problem()
    {
        var incident = Tickets.In(TicketStatus.Closed);

        incident.LinkToProblem("PRB000007", null, Tickets.Agent, Later);

        Assert.Equal("PRB000007", incident.ProblemNumber);
    }

    [Fact]
    public void An_incident_names_the_change_that_caused_it_and_the_change_can_be_corrected()
    {
        var incident = Tickets.In(TicketStatus.InProgress);

        incident.RecordCausingChange("CHG000042", Tickets.Agent, Later);
        incident.RecordCausingChange("CHG000043", Tickets.Agent, Later);
        incident.RecordCausingChange(null, Tickets.Agent, Later);

        Assert.Null(incident.CausedByChange);
        Assert.Equal(
            [(null, "CHG000042"), ("CHG000042", "CHG000043"), ("CHG000043", null)],
            incident.NewHistory.Where(h => h.Action == "caused-by").Select(h => (h.OldValue, h.NewValue)));
    }
}
