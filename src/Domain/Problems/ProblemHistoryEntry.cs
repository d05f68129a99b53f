using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Problems;

/// <summary>A line of a problem's history (actions: created, status, updated, known-error, resolved, link, unlink).</summary>
public sealed class ProblemHistoryEntry : HistoryEntry
{
    private ProblemHistoryEntry()
    {
    }

    public ProblemHistoryEntry(Guid problemId, long sequence, DateTimeOffset at, string actor, string action, string? field, string? oldValue, string? newValue)
        : base(problemId, sequence, at, actor, action, field, oldValue, newValue)
    {
    }
}
