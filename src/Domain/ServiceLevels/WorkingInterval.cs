using System.Globalization;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.ServiceLevels;

/// <summary>
/// A stretch of working time within one local day, as wall-clock minutes since local midnight:
/// <c>09:00-12:00</c> is (540, 720). The end may be 1440 ("24:00", the end of the day); the start may not.
/// </summary>
public readonly record struct WorkingInterval
{
    public const int MinutesPerDay = 24 * 60;

    public WorkingInterval(int startMinute, int endMinute)
    {
        if (startMinute is < 0 or >= MinutesPerDay)
            throw DomainException.Invalid("workingHours", $"A working interval must start between 00:00 and 23:59 (got minute {startMinute}).");
        if (endMinute is <= 0 or > MinutesPerDay)
            throw DomainException.Invalid("workingHours", $"A working interval must end between 00:01 and 24:00 (got minute {endMinute}).");
        if (startMinute >= endMinute)
            throw DomainException.Invalid("workingHours", $"A working interval must start before it ends ({FormatTimeOfDay(startMinute)}-{FormatTimeOfDay(endMinute)}).");

        StartMinute = startMinute;
        EndMinute = endMinute;
    }

    /// <summary>Minutes since local midnight, 0..1439.</summary>
    public int StartMinute { get; }

    /// <summary>Minutes since local midnight, 1..1440 (1440 is "24:00").</summary>
    public int EndMinute { get; }

    /// <summary>Wall-clock length; on a daylight-saving switch day the real elapsed time may differ.</summary>
    public int DurationMinutes => EndMinute - StartMinute;

    /// <summary>False only for <c>default(WorkingInterval)</c>, which bypasses the constructor.</summary>
    internal bool IsValid => StartMinute >= 0 && StartMinute < EndMinute && EndMinute <= MinutesPerDay;

    /// <summary>Builds an interval from "HH:mm" texts; "24:00" is accepted only as the end.</summary>
    public static WorkingInterval Parse(string start, string end) =>
        new(ParseTimeOfDay(start, isEnd: false), ParseTimeOfDay(end, isEnd: true));

    /// <summary>Parses "HH:mm" (00:00..23:59, and 24:00 when <paramref name="isEnd"/>) to minutes since midnight.</summary>
    public static int ParseTimeOfDay(string text, bool isEnd) =>
        TryParseTimeOfDay(text, isEnd, out var minute)
            ? minute
            : throw DomainException.Invalid(
                "workingHours",
                isEnd
                    ? $"'{text}' is not a time of day; expected HH:mm between 00:01 and 24:00."
                    : $"'{text}' is not a time of day; expected HH:mm between 00:00 and 23:59.");

    public static bool TryParseTimeOfDay(string? text, bool isEnd, out int minute)
    {
        minute = 0;
        if (text is not { Length: 5 } || text[2] != ':'
            || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59)
        {
            return false;
        }

        var value = (hours * 60) + minutes;
        var valid = isEnd ? value is > 0 and <= MinutesPerDay : value < MinutesPerDay;
        if (valid)
            minute = value;
        return valid;
    }

    /// <summary>Formats minutes since midnight as "HH:mm"; 1440 becomes "24:00".</summary>
    public static string FormatTimeOfDay(int minute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minute);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minute, MinutesPerDay);
        return string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");
    }

    public string StartText => FormatTimeOfDay(StartMinute);

    public string EndText => FormatTimeOfDay(EndMinute);

    public override string ToString() => $"{StartText}-{EndText}";
}
