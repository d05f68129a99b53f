using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Benchmarks;

/// <summary>The ticket the domain-level benchmarks open: a P3 incident at GOLD, opened Friday 17:00 Shanghai (the spec's example).</summary>
internal static class BenchmarkTickets
{
    public static readonly DateTimeOffset FridayFive = new(2026, 3, 6, 9, 0, 0, TimeSpan.Zero);

    public static readonly Actor Agent = new("key-bench", "bench.agent", IsCustomer: false);

    public static readonly NewTicket Incident = new(
        "INC000001", TicketKind.Incident, TicketCategory.Incident, new Guid("0192f0c0-0000-7000-8000-000000000001"), "OPS-INF-01", "OPS",
        "Benchmark incident", "Raised by the benchmark", Impact.Medium, Urgency.Medium, Channel.Api, new TicketContact("Bench", null, null),
        null, "Infrastructure");

    /// <summary>GOLD's targets (P3: 60 / 1,440 minutes) on <paramref name="schedule"/>, for both clocks.</summary>
    public static SlaContext Gold(string calendarCode, WorkingSchedule schedule)
    {
        var level = new ServiceLevel("GOLD", new ServiceLevelTerms
        {
            Name = "Gold",
            Rank = 2,
            CalendarCode = calendarCode,
            PriceMultiplier = 1.5m,
            AvailabilityTargetPercent = 99.9m,
            Targets = [new ServiceTarget(Priority.P1, 15, 240), new ServiceTarget(Priority.P2, 30, 480), new ServiceTarget(Priority.P3, 60, 1440), new ServiceTarget(Priority.P4, 240, 2880)],
        });
        return new SlaContext(level, schedule, schedule);
    }
}
