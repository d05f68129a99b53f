using System.Collections.Frozen;
using System.Globalization;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.ServiceLevels;

/// <summary>
/// The working time of a business calendar: weekly working intervals in a time zone, holidays (dates that are
/// off) and extra working days (dates normally off that are worked). Answers the two questions SLA clocks ask:
/// when is a target of N business minutes due, and how much business time lies between two instants.
/// </summary>
/// <remarks>
/// <para>
/// Working intervals are local wall-clock times; each interval of each local date is turned into a pair of UTC
/// instants and business time is the real time elapsed between them. On a daylight-saving switch day an interval
/// that contains the skipped hour is an hour shorter, and one that contains the repeated hour an hour longer
/// (America/New_York 2026-03-08 00:00-04:00 is 180 minutes, 2026-11-01 00:00-04:00 is 300).
/// </para>
/// <para>
/// Local boundaries that do not name exactly one instant: a boundary in the gap of a spring-forward switch maps
/// to the instant right after the gap (the switch itself); an ambiguous boundary in the repeated hour maps to the
/// earlier instant when it starts an interval and to the later one when it ends it, so an interval never loses
/// time to the ambiguity. Intervals whose instants overlap (possible only around a switch) count once.
/// </para>
/// <para>
/// Speed: the work is done interval by interval, never minute by minute, and whole weeks are skipped at a
/// precomputed weekly total when they hold no holiday, no extra working day and no change of UTC offset.
/// Offsets are probed at most a week apart, so a zone must not change its offset twice within seven days
/// (no zone in current use does).
/// </para>
/// </remarks>
public sealed class WorkingSchedule : IEquatable<WorkingSchedule>
{
    private const long TicksPerMinute = TimeSpan.TicksPerMinute;
    private const long TicksPerDay = TimeSpan.TicksPerDay;
    private const long TicksPerWeekOfDays = 7 * TicksPerDay;

    // No UTC offset, historical local mean time included, reaches 16 hours, so every instant that belongs to
    // local date D lies within [D 00:00 - 16h, D+1 00:00 + 16h] read as UTC.
    private const long MaxOffsetTicks = 16 * TimeSpan.TicksPerHour;

    // Offsets are sampled this far apart when checking that a run of days has a single offset.
    private const long OffsetProbeStrideTicks = 7 * TicksPerDay;

    // Bounds a single probe; a longer run is probed again when it is used up.
    private const int MaxProbeDays = 366;

    private static readonly int MaxDayNumber = DateOnly.MaxValue.DayNumber;

    private readonly WorkingInterval[][] _weekly;
    private readonly int[] _specialDays;
    private readonly WorkingInterval[][] _specialIntervals;
    private readonly long _weekTicks;
    private readonly long? _fixedOffsetTicks;

    /// <param name="timeZoneId">IANA time-zone id, e.g. <c>Asia/Shanghai</c>.</param>
    /// <param name="weeklyIntervals">Working intervals per weekday, sorted and non-overlapping (touching is fine);
    /// a weekday that is missing or has none is off.</param>
    /// <param name="holidays">Dates that are off whatever their weekday.</param>
    /// <param name="extraWorkingDays">Dates that are worked whatever their weekday; a date given no intervals
    /// uses an ordinary Monday's.</param>
    public WorkingSchedule(
        string timeZoneId,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> weeklyIntervals,
        IEnumerable<DateOnly>? holidays = null,
        IReadOnlyDictionary<DateOnly, IReadOnlyList<WorkingInterval>>? extraWorkingDays = null)
    {
        ArgumentNullException.ThrowIfNull(weeklyIntervals);

        TimeZone = ResolveTimeZone(timeZoneId);
        _fixedOffsetTicks = TimeZone.GetAdjustmentRules().Length == 0 ? TimeZone.BaseUtcOffset.Ticks : null;

        _weekly = new WorkingInterval[7][];
        long weekMinutes = 0;
        for (var day = DayOfWeek.Sunday; day <= DayOfWeek.Saturday; day++)
        {
            var intervals = weeklyIntervals.TryGetValue(day, out var given) && given is not null
                ? Checked(given, day.ToString())
                : [];
            _weekly[(int)day] = intervals;
            foreach (var interval in intervals)
                weekMinutes += interval.DurationMinutes;
        }

        if (weekMinutes == 0)
        {
            throw DomainException.Invalid(
                "weekly",
                "A working schedule needs working time on at least one weekday; with none, no target could ever fall due.");
        }

        WeeklyWorkingMinutes = weekMinutes;
        _weekTicks = weekMinutes * TicksPerMinute;

        var holidaySet = (holidays ?? []).ToHashSet();
        var special = new SortedDictionary<int, WorkingInterval[]>();
        foreach (var holiday in holidaySet)
            special.Add(holiday.DayNumber, []);

        var extras = new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>();
        foreach (var (date, given) in extraWorkingDays ?? FrozenDictionary<DateOnly, IReadOnlyList<WorkingInterval>>.Empty)
        {
            if (holidaySet.Contains(date))
                throw DomainException.Invalid("extraWorkingDays", $"{Iso(date)} cannot be both a holiday and an extra working day.");

            var intervals = given is { Count: > 0 } ? Checked(given, Iso(date)) : _weekly[(int)DayOfWeek.Monday];
            special.Add(date.DayNumber, intervals);
            extras.Add(date, Array.AsReadOnly(intervals));
        }

        _specialDays = [.. special.Keys];
        _specialIntervals = [.. special.Values];

        WeeklyIntervals = Enum.GetValues<DayOfWeek>()
            .ToFrozenDictionary(day => day, day => (IReadOnlyList<WorkingInterval>)Array.AsReadOnly(_weekly[(int)day]));
        Holidays = holidaySet.ToFrozenSet();
        ExtraWorkingDays = extras.ToFrozenDictionary();
    }

    public TimeZoneInfo TimeZone { get; }

    public string TimeZoneId => TimeZone.Id;

    /// <summary>All seven weekdays; a day off has no intervals.</summary>
    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> WeeklyIntervals { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    /// <summary>Extra working days with the intervals they use (Monday's where none were given).</summary>
    public IReadOnlyDictionary<DateOnly, IReadOnlyList<WorkingInterval>> ExtraWorkingDays { get; }

    /// <summary>Wall-clock working minutes of an ordinary week.</summary>
    public long WeeklyWorkingMinutes { get; }

    /// <summary>Every day 00:00-24:00 in the given zone: business time is clock time.</summary>
    public static WorkingSchedule TwentyFourSeven(string timeZoneId)
    {
        IReadOnlyList<WorkingInterval> wholeDay = [new WorkingInterval(0, WorkingInterval.MinutesPerDay)];
        return new WorkingSchedule(timeZoneId, Enum.GetValues<DayOfWeek>().ToDictionary(day => day, _ => wholeDay));
    }

    /// <summary>The working intervals of one local date, holidays and extra working days applied.</summary>
    public IReadOnlyList<WorkingInterval> IntervalsOn(DateOnly date)
    {
        var index = Array.BinarySearch(_specialDays, date.DayNumber);
        return index >= 0 ? Array.AsReadOnly(_specialIntervals[index]) : WeeklyIntervals[date.DayOfWeek];
    }

    /// <summary>
    /// The instant (UTC) at which <paramref name="minutes"/> of working time have elapsed from
    /// <paramref name="startUtc"/>. Counting starts at the next working instant when the start is outside working
    /// time; a target used up exactly at the end of an interval is due at that end (18:00), not at the start of the
    /// next interval. A zero target is due immediately: the start itself is returned, even outside working time.
    /// </summary>
    public DateTimeOffset AddBusinessMinutes(DateTimeOffset startUtc, long minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minutes, DateTimeOffset.MaxValue.UtcTicks / TicksPerMinute);

        var cursor = startUtc.UtcTicks;
        if (minutes == 0)
            return new DateTimeOffset(cursor, TimeSpan.Zero);

        var remaining = minutes * TicksPerMinute;

        // Start a day early: around a switch at midnight an interval of the previous date can reach past it.
        var day = Math.Max(0, LocalDayNumber(cursor) - 1);
        var specialIndex = FirstSpecialIndexFrom(day);
        var steadyUntilDay = day;
        long steadyOffset = 0;

        while (true)
        {
            if (day > MaxDayNumber)
                throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "The target falls beyond the last date the calendar can represent.");

            var intervals = IntervalsOn(day, ref specialIndex, out var nextSpecialDay);

            if (day >= steadyUntilDay)
            {
                var horizon = (int)Math.Min(MaxProbeDays, (7 * (remaining / _weekTicks)) + 9);
                var steadyDays = ProbeSteadyDays(day, Math.Min(horizon, MaxDayNumber - day + 1), out steadyOffset);
                if (steadyDays == 0)
                {
                    // The offset changes around this date: convert each boundary on its own.
                    foreach (var interval in intervals)
                    {
                        var start = LocalToUtc(LocalTicks(day, interval.StartMinute), isStart: true);
                        var end = LocalToUtc(LocalTicks(day, interval.EndMinute), isStart: false);
                        if (Consume(start, end, ref cursor, ref remaining))
                            return new DateTimeOffset(cursor, TimeSpan.Zero);
                    }

                    day++;
                    continue;
                }

                steadyUntilDay = day + steadyDays;
            }

            var dayStartUtc = (day * TicksPerDay) - steadyOffset;
            if (remaining > _weekTicks && cursor <= dayStartUtc)
            {
                // Whole weeks with one offset and no special date hold exactly the ordinary weekly time; stop
                // short of the last of them so a target used up at an interval's end is found in the day loop.
                var weeks = Math.Min((remaining - 1) / _weekTicks, Math.Min(steadyUntilDay - day, (long)nextSpecialDay - day) / 7);
                if (weeks > 0)
                {
                    remaining -= weeks * _weekTicks;
                    day += (int)(weeks * 7);
                    cursor = (day * TicksPerDay) - steadyOffset;
                    continue;
                }
            }

            foreach (var interval in intervals)
            {
                var (start, end) = UtcBounds(dayStartUtc, interval);
                if (Consume(start, end, ref cursor, ref remaining))
                    return new DateTimeOffset(cursor, TimeSpan.Zero);
            }

            day++;
        }
    }

    /// <summary>Whole business minutes (rounded down) of working time in [from, to); 0 when to &lt;= from.</summary>
    public long BusinessMinutesBetween(DateTimeOffset fromUtc, DateTimeOffset toUtc) =>
        BusinessTimeBetween(fromUtc, toUtc).Ticks / TicksPerMinute;

    /// <summary>Working time in [from, to), exact to the tick; zero when to &lt;= from.</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        var cursor = fromUtc.UtcTicks;
        var to = toUtc.UtcTicks;
        if (to <= cursor)
            return TimeSpan.Zero;

        long total = 0;
        var day = Math.Max(0, LocalDayNumber(cursor) - 1);
        var lastDay = (int)Math.Min(MaxDayNumber, (to + MaxOffsetTicks) / TicksPerDay);
        var specialIndex = FirstSpecialIndexFrom(day);
        var steadyUntilDay = day;
        long steadyOffset = 0;

        while (day <= lastDay)
        {
            var intervals = IntervalsOn(day, ref specialIndex, out var nextSpecialDay);

            if (day >= steadyUntilDay)
            {
                var steadyDays = ProbeSteadyDays(day, Math.Min(MaxProbeDays, lastDay - day + 1), out steadyOffset);
                if (steadyDays == 0)
                {
                    foreach (var interval in intervals)
                    {
                        var start = LocalToUtc(LocalTicks(day, interval.StartMinute), isStart: true);
                        var end = LocalToUtc(LocalTicks(day, interval.EndMinute), isStart: false);
                        if (Accumulate(start, end, to, ref cursor, ref total))
                            return new TimeSpan(total);
                    }

                    day++;
                    continue;
                }

                steadyUntilDay = day + steadyDays;
            }

            var dayStartUtc = (day * TicksPerDay) - steadyOffset;
            if (cursor <= dayStartUtc)
            {
                var weeks = Math.Min((to - dayStartUtc) / TicksPerWeekOfDays, Math.Min(steadyUntilDay - day, (long)nextSpecialDay - day) / 7);
                if (weeks > 0)
                {
                    total += weeks * _weekTicks;
                    day += (int)(weeks * 7);
                    cursor = (day * TicksPerDay) - steadyOffset;
                    continue;
                }
            }

            foreach (var interval in intervals)
            {
                var (start, end) = UtcBounds(dayStartUtc, interval);
                if (Accumulate(start, end, to, ref cursor, ref total))
                    return new TimeSpan(total);
            }

            day++;
        }

        return new TimeSpan(total);
    }

    /// <summary>Spends working time of [start, end) beyond the cursor; true (cursor = due instant) when the target is used up.</summary>
    private static bool Consume(long start, long end, ref long cursor, ref long remaining)
    {
        if (end <= cursor)
            return false;
        if (start < cursor)
            start = cursor;
        var length = end - start;
        if (length <= 0)
            return false;
        if (remaining <= length)
        {
            cursor = start + remaining;
            return true;
        }

        remaining -= length;
        cursor = end;
        return false;
    }

    /// <summary>Adds working time of [start, end) beyond the cursor and before <paramref name="to"/>; true once past <paramref name="to"/>.</summary>
    private static bool Accumulate(long start, long end, long to, ref long cursor, ref long total)
    {
        if (start >= to)
            return true;
        if (end <= cursor)
            return false;
        if (start < cursor)
            start = cursor;
        var stop = Math.Min(end, to);
        if (stop > start)
            total += stop - start;
        cursor = end;
        return end >= to;
    }

    /// <summary>
    /// How many local dates from <paramref name="firstDay"/> (at most <paramref name="maxDays"/>) certainly share one
    /// UTC offset, returned in <paramref name="offset"/>; 0 when the offset changes around the first date.
    /// </summary>
    private int ProbeSteadyDays(int firstDay, int maxDays, out long offset)
    {
        if (_fixedOffsetTicks is { } fixedOffset)
        {
            offset = fixedOffset;
            return maxDays;
        }

        var low = (firstDay * TicksPerDay) - MaxOffsetTicks;
        var high = ((firstDay + (long)maxDays) * TicksPerDay) + MaxOffsetTicks;
        offset = OffsetAt(low);
        var steadyUpTo = low;
        for (var probe = low + OffsetProbeStrideTicks; ; probe += OffsetProbeStrideTicks)
        {
            if (probe > high)
                probe = high;
            if (OffsetAt(probe) != offset)
                break;
            steadyUpTo = probe;
            if (probe == high)
                break;
        }

        // Date D is covered when its whole UTC span, up to D+1 00:00 + 16h, is.
        var days = ((steadyUpTo - MaxOffsetTicks) / TicksPerDay) - firstDay;
        return (int)Math.Clamp(days, 0, maxDays);
    }

    /// <summary>
    /// The UTC instant of a local wall-clock time on a switch day. A time in a spring-forward gap maps to the
    /// instant right after the gap; an ambiguous time maps to its earlier instant as a start, its later one as an end.
    /// </summary>
    private long LocalToUtc(long local, bool isStart)
    {
        var before = OffsetAt(local - MaxOffsetTicks);
        var after = OffsetAt(local + MaxOffsetTicks);
        var withBefore = local - before;
        if (before == after)
            return withBefore;

        var withAfter = local - after;
        var beforeFits = OffsetAt(withBefore) == before;
        var afterFits = OffsetAt(withAfter) == after;
        if (beforeFits && afterFits)
            return isStart ? Math.Min(withBefore, withAfter) : Math.Max(withBefore, withAfter);
        if (beforeFits)
            return withBefore;
        if (afterFits)
            return withAfter;

        // In the gap: the switch lies in (withAfter, withBefore]; find the first instant on the new offset.
        long low = withAfter, high = withBefore;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (OffsetAt(middle) == after)
                high = middle;
            else
                low = middle;
        }

        return high;
    }

    private long OffsetAt(long utcTicks)
    {
        if (_fixedOffsetTicks is { } fixedOffset)
            return fixedOffset;
        var clamped = Math.Clamp(utcTicks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
        return TimeZone.GetUtcOffset(new DateTime(clamped, DateTimeKind.Utc)).Ticks;
    }

    private int LocalDayNumber(long utcTicks) =>
        (int)Math.Clamp((utcTicks + OffsetAt(utcTicks)) / TicksPerDay, 0, MaxDayNumber);

    /// <summary>An interval of a day whose offset is steady, as UTC ticks.</summary>
    private static (long Start, long End) UtcBounds(long dayStartUtc, WorkingInterval interval) =>
        (dayStartUtc + (interval.StartMinute * TicksPerMinute), dayStartUtc + (interval.EndMinute * TicksPerMinute));

    /// <summary>
    /// The working intervals of a local day, walking <paramref name="specialIndex"/> (ascending days only) past the
    /// special dates before it; <paramref name="nextSpecialDay"/> is the first special date on or after it.
    /// </summary>
    private WorkingInterval[] IntervalsOn(int day, ref int specialIndex, out int nextSpecialDay)
    {
        while (specialIndex < _specialDays.Length && _specialDays[specialIndex] < day)
            specialIndex++;
        nextSpecialDay = specialIndex < _specialDays.Length ? _specialDays[specialIndex] : int.MaxValue;
        return day == nextSpecialDay ? _specialIntervals[specialIndex] : _weekly[WeekdayIndex(day)];
    }

    private int FirstSpecialIndexFrom(int day)
    {
        var index = Array.BinarySearch(_specialDays, day);
        return index >= 0 ? index : ~index;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long LocalTicks(int day, int minute) => (day * TicksPerDay) + (minute * TicksPerMinute);

    // DayNumber 0 is Monday 0001-01-01; DayOfWeek counts from Sunday = 0.
    private static int WeekdayIndex(int day) => (day + 1) % 7;

    private static TimeZoneInfo ResolveTimeZone(string timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
            throw DomainException.Invalid("timeZone", "A working schedule needs a time zone (an IANA id such as Asia/Shanghai).");
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw DomainException.Invalid("timeZone", $"'{timeZoneId}' is not a known time zone.");
        }
    }

    private static WorkingInterval[] Checked(IReadOnlyList<WorkingInterval> intervals, string dayName)
    {
        var result = new WorkingInterval[intervals.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var interval = intervals[i];
            if (!interval.IsValid)
                throw DomainException.Invalid("workingHours", $"{dayName}: {interval.StartMinute}-{interval.EndMinute} is not a working interval.");
            if (i > 0 && interval.StartMinute < result[i - 1].EndMinute)
            {
                throw DomainException.Invalid(
                    "workingHours",
                    $"{dayName}: working intervals must be in order and must not overlap ({result[i - 1]} then {interval}).");
            }

            result[i] = interval;
        }

        return result;
    }

    public bool Equals(WorkingSchedule? other)
    {
        if (other is null)
            return false;
        if (ReferenceEquals(this, other))
            return true;
        if (TimeZone.Id != other.TimeZone.Id || !Holidays.SetEquals(other.Holidays) || ExtraWorkingDays.Count != other.ExtraWorkingDays.Count)
            return false;
        for (var day = 0; day < 7; day++)
        {
            if (!_weekly[day].AsSpan().SequenceEqual(other._weekly[day]))
                return false;
        }

        foreach (var (date, intervals) in ExtraWorkingDays)
        {
            if (!other.ExtraWorkingDays.TryGetValue(date, out var others) || !intervals.SequenceEqual(others))
                return false;
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as WorkingSchedule);

    public override int GetHashCode() => HashCode.Combine(TimeZone.Id, WeeklyWorkingMinutes, Holidays.Count, ExtraWorkingDays.Count);

    public override string ToString() => $"{TimeZone.Id}, {WeeklyWorkingMinutes} working minutes a week";
}
