using BenchmarkDotNet.Attributes;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Benchmarks;

/// <summary>
/// What intake does in the domain for every ticket: <see cref="Ticket.Open"/> derives the priority, starts both SLA
/// clocks (their due times on the business calendars) and writes the first history line and the domain event. GOLD's
/// P3 targets (60 / 1,440 minutes) on 24X7 and on 5X8-CN, opened Friday 17:00 Shanghai (the spec's example).
/// </summary>
[MemoryDiagnoser]
public class TicketOpenBenchmarks
{
    private static readonly DateTimeOffset FridayFive = new(2026, 3, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Agent = new("key-bench", "bench.agent", IsCustomer: false);

    private static readonly NewTicket Incident = new(
        "INC000001", TicketKind.Incident, TicketCategory.Incident, new Guid("0192f0c0-0000-7000-8000-000000000001"), "OPS-INF-01", "OPS",
        "Benchmark incident", "Raised by the benchmark", Impact.Medium, Urgency.Medium, Channel.Api, new TicketContact("Bench", null, null),
        null, "Infrastructure");

    private SlaContext _sla = null!;

    [Params("24X7", "5X8-CN")]
    public string Calendar { get; set; } = "24X7";

    [GlobalSetup]
    public void Setup()
    {
        var schedule = Calendar == "24X7" ? WorkingSchedule.TwentyFourSeven("Asia/Shanghai") : Schedules.FiveByEightCn();
        var level = new ServiceLevel("GOLD", new ServiceLevelTerms
        {
            Name = "Gold",
            Rank = 2,
            CalendarCode = Calendar,
            PriceMultiplier = 1.5m,
            AvailabilityTargetPercent = 99.9m,
            Targets = [new ServiceTarget(Priority.P1, 15, 240), new ServiceTarget(Priority.P2, 30, 480), new ServiceTarget(Priority.P3, 60, 1440), new ServiceTarget(Priority.P4, 240, 2880)],
        });
        _sla = new SlaContext(level, schedule, schedule);
    }

    [Benchmark]
    public Ticket Open() => Ticket.Open(Incident, FridayFive, _sla, Agent);
}
