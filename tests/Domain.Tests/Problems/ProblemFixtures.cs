using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Domain.Tests.Problems;

internal static class Problems
{
    public static readonly Actor Agent = new("key-li", "li.wei", IsCustomer: false);

    public static readonly DateTimeOffset Now = new(2026, 3, 9, 1, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Later = Now.AddDays(3);

    public static Problem Recorded() =>
        Problem.Open("PRB000007", "Mail relay drops connections", "Outbound mail stalls every morning.", "OPS-APP-03", Agent, Now);

    /// <summary>A problem moved to <paramref name="status"/> by legal steps, a minute apart (resolved by an implemented change).</summary>
    public static Problem In(ProblemStatus status)
    {
        var at = Now;
        DateTimeOffset Next() => at = at.AddMinutes(1);
        var problem = Recorded();
        if (status == ProblemStatus.New)
            return problem;
        problem.Investigate(Agent, Next());
        if (status == ProblemStatus.Investigating)
            return problem;
        problem.RecordKnownError("Connection pool capped at 50.", "Restart the relay service.", Agent, Next());
        if (status == ProblemStatus.KnownError)
            return problem;
        problem.Resolve(Changes.Changes.In(Domain.Changes.ChangeStatus.Implemented), Agent, Next());
        if (status == ProblemStatus.Resolved)
            return problem;
        problem.Close(Agent, Next());
        return problem;
    }
}
