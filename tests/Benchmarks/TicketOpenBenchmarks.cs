using BenchmarkDotNet.Attributes;
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
    private SlaContext _sla = null!;

    [Params("24X7", "5X8-CN")]
    public string Calendar { get; set; } = "24X7";

    [GlobalSetup]
    public void Setup() =>
        _sla = BenchmarkTickets.Gold(Calendar, Calendar == "24X7" ? WorkingSchedule.TwentyFourSeven("Asia/Shanghai") : Schedules.FiveByEightCn());

    [Benchmark]
    public Ticket Open() => Ticket.Open(BenchmarkTickets.Incident, BenchmarkTickets.FridayFive, _sla, BenchmarkTickets.Agent);
}
