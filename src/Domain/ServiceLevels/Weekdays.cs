namespace ServiceDesk.Domain.ServiceLevels;

/// <summary>The three-letter weekday names calendars are written with ("Mon" .. "Sun"), Monday first.</summary>
public static class Weekdays
{
    public static readonly IReadOnlyList<DayOfWeek> MondayFirst =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    public static string Name(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Mon",
        DayOfWeek.Tuesday => "Tue",
        DayOfWeek.Wednesday => "Wed",
        DayOfWeek.Thursday => "Thu",
        DayOfWeek.Friday => "Fri",
        DayOfWeek.Saturday => "Sat",
        DayOfWeek.Sunday => "Sun",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Not a weekday."),
    };

    /// <summary>Exactly "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" or "Sun".</summary>
    public static bool TryParse(string? name, out DayOfWeek day)
    {
        foreach (var candidate in MondayFirst)
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        return false;
    }

    public static string AllNames => string.Join(", ", MondayFirst.Select(Name));
}
