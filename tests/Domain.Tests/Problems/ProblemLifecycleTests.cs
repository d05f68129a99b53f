using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Problems;
using static ServiceDesk.Domain.Tests.Problems.Problems;

namespace ServiceDesk.Domain.Tests.Problems;

/// <summary>
/// The problem state machine of domain.md section 7: New -> Investigating -> KnownError (root cause and workaround)
/// -> Resolved (by a change) -> Closed; every other move is refused naming the current state.
/// </summary>
public class ProblemLifecycleTests
{
    private static readonly string[] Moves = ["investigate", "known-error", "resolve", "close"];

    private static readonly (ProblemStatus From, string Move, ProblemStatus To)[] Allowed =
    [
        (ProblemStatus.New, "investigate", ProblemStatus.Investigating),
        (ProblemStatus.Investigating, "known-error", ProblemStatus.KnownError),
        (ProblemStatus.KnownError, "resolve", ProblemStatus.Resolved),
        (ProblemStatus.Resolved, "close", ProblemStatus.Closed),
    ];

    public static TheoryData<ProblemStatus, string, ProblemStatus> AllowedMoves()
    {
        var data = new TheoryData<ProblemStatus, string, ProblemStatus>();
        foreach (var (from, move, to) in Allowed)
            data.Add(from, move, to);
        return data;
    }

    public static TheoryData<ProblemStatus, string> RefusedMoves()
    {
        var data = new TheoryData<ProblemStatus, string>();
        foreach (var from in Enum.GetValues<ProblemStatus>())
        {
            foreach (var move in Moves.Where(m => !Allowed.Any(a => a.From == from && a.Move == m)))
                data.Add(from, move);
        }

        return data;
    }

    private static void Apply(Problem problem, string move)
    {
        switch (move)
        {
            case "investigate":
                problem.Investigate(Agent, Later);
                break;
            case "known-error":
                problem.RecordKnownError("Pool capped.", "Restart the relay.", Agent, Later);
                break;
            case "resolve":
                problem.Resolve(Changes.Changes.In(ChangeStatus.Closed), Agent, Later);
                break;
            default:
                problem.Close(Agent, Later);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void An_allowed_move_leads_to_the_next_state_and_leaves_a_history_line(ProblemStatus from, string move, ProblemStatus to)
    {
        var problem = In(from);
        var history = problem.HistoryCount;

        Apply(problem, move);

        Assert.Equal(to, problem.Status);
        Assert.Contains(problem.NewHistory.Skip((int)history), h => h.Action == "status" && h.OldValue == from.ToString() && h.NewValue == to.ToString());
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Any_other_move_is_refused_as_an_illegal_transition_naming_the_current_state(ProblemStatus from, string move)
    {
        var problem = In(from);
        var history = problem.HistoryCount;

        var refused = Assert.Throws<DomainException>(() => Apply(problem, move));

        Assert.Equal("illegal-transition", refused.Rule);
        Assert.EndsWith($"a problem that is {from}.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(from, problem.Status);
        Assert.Equal(history, problem.HistoryCount);
    }

    [Fact]
    public void A_recorded_problem_is_new_and_its_creation_is_in_the_history()
    {
        var problem = Recorded();

        Assert.Equal(ProblemStatus.New, problem.Status);
        Assert.Equal("li.wei", problem.CreatedBy);
        var created = Assert.Single(problem.NewHistory);
        Assert.Equal("created", created.Action);
    }

    [Fact]
    public void A_known_error_records_root_cause_and_workaround()
    {
        var problem = In(ProblemStatus.Investigating);

        problem.RecordKnownError("Connection pool capped at 50.", "Restart the relay service.", Agent, Later);

        Assert.Equal("Connection pool capped at 50.", problem.RootCause);
        Assert.Equal("Restart the relay service.", problem.Workaround);
        Assert.Equal(Later, problem.KnownErrorAt);
    }

    [Theory]
    [InlineData("", "Restart.", "rootCause")]
    [InlineData("Pool capped.", " ", "workaround")]
    public void A_known_error_needs_both_root_cause_and_workaround(string rootCause, string workaround, string field)
    {
        var problem = In(ProblemStatus.Investigating);

        var refused = Assert.Throws<DomainException>(() => problem.RecordKnownError(rootCause, workaround, Agent, Later));

        Assert.Equal(field, refused.Field);
        Assert.Equal(ProblemStatus.Investigating, problem.Status);
        Assert.Null(problem.RootCause);
    }

    [Fact]
    public void Resolving_names_the_change_that_fixed_it()
    {
        var problem = In(ProblemStatus.KnownError);
        var change = Changes.Changes.In(ChangeStatus.Reviewed);

        problem.Resolve(change, Agent, Later);

        Assert.Equal(change.Number, problem.ResolvedByChange);
        Assert.Equal(Later, problem.ResolvedAt);
    }

    [Theory]
    [InlineData(ChangeStatus.Approved)]
    [InlineData(ChangeStatus.Scheduled)]
    [InlineData(ChangeStatus.Implementing)]
    public void A_change_that_has_not_been_implemented_does_not_resolve_a_problem(ChangeStatus status)
    {
        var problem = In(ProblemStatus.KnownError);

        var refused = Assert.Throws<DomainException>(() => problem.Resolve(Changes.Changes.In(status), Agent, Later));

        Assert.Equal("change-not-implemented", refused.Rule);
        Assert.Equal(ProblemStatus.KnownError, problem.Status);
    }

    [Fact]
    public void A_failed_change_does_not_resolve_a_problem()
    {
        var problem = In(ProblemStatus.KnownError);
        var change = Changes.Changes.In(ChangeStatus.Implemented);
        change.Review(ChangeOutcome.Failed, "Did not help.", Changes.Changes.Requester, Later);

        var refused = Assert.Throws<DomainException>(() => problem.Resolve(change, Agent, Later));

        Assert.Equal("change-not-successful", refused.Rule);
    }

    [Fact]
    public void Editing_a_problem_before_its_known_error_cannot_invent_a_root_cause()
    {
        var problem = In(ProblemStatus.Investigating);

        var refused = Assert.Throws<DomainException>(() => problem.Update("Mail relay", "Stalls.", null, "Guess", null, Agent, Later));

        Assert.Equal("not-a-known-error", refused.Rule);
        Assert.Equal("rootCause", refused.Field);
        Assert.Equal("Mail relay drops connections", problem.Summary);
    }

    [Fact]
    public void Editing_a_known_error_can_correct_its_workaround_and_each_change_is_in_the_history()
    {
        var problem = In(ProblemStatus.KnownError);
        var history = problem.HistoryCount;

        problem.Update("Mail relay drops connections", "Outbound mail stalls every morning.", "OPS-APP-03", "Connection pool capped at 50.", "Raise the pool to 200.", Agent, Later);

        Assert.Equal("Raise the pool to 200.", problem.Workaround);
        var line = Assert.Single(problem.NewHistory.Skip((int)history));
        Assert.Equal(("workaround", "Restart the relay service.", "Raise the pool to 200."), (line.Field, line.OldValue, line.NewValue));
    }

    [Fact]
    public void A_known_error_keeps_its_workaround_an_edit_cannot_remove_it()
    {
        var problem = In(ProblemStatus.KnownError);

        var refused = Assert.Throws<DomainException>(() => problem.Update("Mail relay", "Stalls.", null, "Pool capped.", null, Agent, Later));

        Assert.Equal("workaround", refused.Field);
    }

    [Fact]
    public void A_closed_problem_is_not_edited()
    {
        var problem = In(ProblemStatus.Closed);

        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(() =>
            problem.Update("x", "y", null, problem.RootCause, problem.Workaround, Agent, Later)).Rule);
    }
}
