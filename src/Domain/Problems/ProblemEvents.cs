using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Problems;

/// <summary>
/// Something on a problem changed (created, status, known error recorded or corrected, incidents linked, ...). One
/// event stands for a whole change set: <see cref="Changes"/> names what changed once each, and <see cref="Status"/>
/// is the status the change set left it in. Root cause and workaround texts are not carried: subscribers read the
/// problem for them.
/// </summary>
public sealed record ProblemUpdated(string Number, DateTimeOffset OccurredAt, IReadOnlyList<string> Changes, ProblemStatus Status, string? ProductCode)
    : DomainEvent(Number, OccurredAt)
{
    public override string EventType => "problem.updated";

    /// <summary>The same change set with <paramref name="what"/> listed (once).</summary>
    public ProblemUpdated Including(string what) => Changes.Contains(what) ? this : this with { Changes = [.. Changes, what] };
}
