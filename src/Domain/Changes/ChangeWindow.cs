using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Changes;

/// <summary>
/// A planned window [Start, End): start strictly before end, both instants in UTC. Windows that only touch (one ends
/// when the next starts) do not overlap.
/// </summary>
public sealed record ChangeWindow
{
    private ChangeWindow(DateTimeOffset start, DateTimeOffset end)
    {
        Start = start;
        End = end;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public static ChangeWindow Create(DateTimeOffset start, DateTimeOffset end, string startField = "plannedStart", string endField = "plannedEnd")
    {
        if (end <= start)
            throw DomainException.Invalid(endField, $"'{endField}' must be after '{startField}'.");
        return new ChangeWindow(start.ToUniversalTime(), end.ToUniversalTime());
    }

    public bool Overlaps(DateTimeOffset otherStart, DateTimeOffset otherEnd) => Start < otherEnd && otherStart < End;

    public bool Overlaps(ChangeWindow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Overlaps(other.Start, other.End);
    }

    public override string ToString() => $"{Start:yyyy-MM-ddTHH:mm:ssZ} to {End:yyyy-MM-ddTHH:mm:ssZ}";
}
