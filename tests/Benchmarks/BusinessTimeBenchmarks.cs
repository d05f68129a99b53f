using BenchmarkDotNet.Attributes;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Benchmarks;

/// <summary>
/// Due-time and elapsed-time computation on the 24X7 and 5X8-CN calendars of service-levels.json, from a Friday
/// 17:00 start (the spec's example), for a short, a typical and a very long target.
/// </summary>
[MemoryDiagnoser]
public class BusinessTimeBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 3, 6, 9, 0, 0, TimeSpan.Zero);

    private WorkingSchedule _schedule = null!;
    private DateTimeOffset _due;

    [Params("24X7", "5X8-CN")]
    public string Calendar { get; set; } = "24X7";

    [Params(60, 2_400, 100_000)]
    public long Minutes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _schedule = Calendar == "24X7" ? WorkingSchedule.TwentyFourSeven("Asia/Shanghai") : Schedules.FiveByEightCn();
        _due = _schedule.AddBusinessMinutes(Start, Minutes);
    }

    [Benchmark]
    public DateTimeOffset AddBusinessMinutes() => _schedule.AddBusinessMinutes(Start, Minutes);

    [Benchmark]
    public long BusinessMinutesBetween() => _schedule.BusinessMinutesBetween(Start, _due);
}

/// <summary>The calendars of service-levels.json that the benchmarks use.</summary>
internal static class Schedules
{
    /// <summary>5X8-CN of service-levels.json: 09:00-12:00 and 13:00-18:00 on weekdays, with some 2026 holidays.</summary>
    public static WorkingSchedule FiveByEightCn()
    {
        IReadOnlyList<WorkingInterval> day = [WorkingInterval.Parse("09:00", "12:00"), WorkingInterval.Parse("13:00", "18:00")];
        return new WorkingSchedule(
            "Asia/Shanghai",
            new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>
            {
                [DayOfWeek.Monday] = day,
                [DayOfWeek.Tuesday] = day,
                [DayOfWeek.Wednesday] = day,
                [DayOfWeek.Thursday] = day,
                [DayOfWeek.Friday] = day,
            },
            holidays: [new(2026, 1, 1), new(2026, 1, 2), new(2026, 10, 1), new(2026, 10, 2), new(2026, 10, 5), new(2026, 10, 6), new(2026, 10, 7)],
            extraWorkingDays: new Dictionary<DateOnly, IReadOnlyList<WorkingInterval>>
            {
                [new(2026, 1, 4)] = [],
                [new(2026, 10, 10)] = [],
            });
    }
}
