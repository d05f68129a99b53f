using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Infrastructure.Persistence;
using ServiceDesk.Infrastructure.Persistence.Providers;

namespace ServiceDesk.Benchmarks;

/// <summary>
/// Intake's hand-built INSERT on PostgreSQL's model: <see cref="InsertTable.Bind"/> reads a new ticket's ~90 columns
/// (its SLA clocks' through their owned navigations), leaves its NULLs out and makes a parameter per value through the
/// column's EF Core type mapping. No server: the parameters go to a command that is never sent.
/// </summary>
[MemoryDiagnoser]
public class InsertBindBenchmarks : IDisposable
{
    private static readonly DateTimeOffset FridayFive = new(2026, 3, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly NpgsqlCommand _command = new();
    private PostgresServiceDeskDbContext _db = null!;
    private InsertTable _tickets = null!;
    private Ticket _ticket = null!;

    [GlobalSetup]
    public void Setup()
    {
        _db = new PostgresServiceDeskDbContext(new DbContextOptionsBuilder<PostgresServiceDeskDbContext>().UseNpgsql("Host=localhost;Database=bench").Options);
        _tickets = InsertCommands.For(_db, typeof(Ticket));
        var schedule = WorkingSchedule.TwentyFourSeven("Asia/Shanghai");
        var level = new ServiceLevel("GOLD", new ServiceLevelTerms
        {
            Name = "Gold",
            Rank = 2,
            CalendarCode = "24X7",
            PriceMultiplier = 1.5m,
            AvailabilityTargetPercent = 99.9m,
            Targets = [new ServiceTarget(Priority.P1, 15, 240), new ServiceTarget(Priority.P2, 30, 480), new ServiceTarget(Priority.P3, 60, 1440), new ServiceTarget(Priority.P4, 240, 2880)],
        });
        var incident = new NewTicket(
            "INC000001", TicketKind.Incident, TicketCategory.Incident, new Guid("0192f0c0-0000-7000-8000-000000000001"), "OPS-INF-01", "OPS",
            "Benchmark incident", "Raised by the benchmark", Impact.Medium, Urgency.Medium, Channel.Api, new TicketContact("Bench", null, null),
            null, "Infrastructure");
        _ticket = Ticket.Open(incident, FridayFive, new SlaContext(level, schedule, schedule), new Actor("key-bench", "bench.agent", IsCustomer: false));
    }

    [Benchmark]
    public string BindNewTicket()
    {
        _command.Parameters.Clear();
        return _tickets.Bind(_command, _command.Parameters, _ticket);
    }

    public void Dispose()
    {
        _command.Dispose();
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }
}
