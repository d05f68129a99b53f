using BenchmarkDotNet.Attributes;
using Npgsql;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Infrastructure.Persistence;
using ServiceDesk.Infrastructure.Persistence.Providers;

namespace ServiceDesk.Benchmarks;

/// <summary>
/// Intake's hand-built INSERT on PostgreSQL's model: <see cref="InsertTable.Bind(System.Data.Common.DbCommand, System.Data.Common.DbParameterCollection, object)"/> reads a new ticket's ~90 columns
/// (its SLA clocks' through their owned navigations), leaves its NULLs out and makes a parameter per value through the
/// column's EF Core type mapping, or sets its values into the parameters a statement kept from its last execution. No
/// server: the parameters go to a command that is never sent.
/// </summary>
[MemoryDiagnoser]
public class InsertBindBenchmarks : IDisposable
{
    private readonly NpgsqlCommand _command = new();
    private PostgresServiceDeskDbContext _db = null!;
    private InsertTable _tickets = null!;
    private Ticket _ticket = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The model `dotnet ef` builds for PostgreSQL; no server is contacted.
        _db = new PostgresDesignTimeFactory().CreateDbContext([]);
        _tickets = InsertCommands.For(_db, typeof(Ticket));
        var sla = BenchmarkTickets.Gold("24X7", WorkingSchedule.TwentyFourSeven("Asia/Shanghai"));
        _ticket = Ticket.Open(BenchmarkTickets.Incident, BenchmarkTickets.FridayFive, sla, BenchmarkTickets.Agent);
    }

    /// <summary>New parameters for every value (SQL Server and SQLite always; PostgreSQL when its statement has none kept).</summary>
    [Benchmark(Baseline = true)]
    public string BindNewTicket()
    {
        _command.Parameters.Clear();
        return _tickets.Bind(_command, _command.Parameters, _ticket);
    }

    /// <summary>Into the statement's kept parameters, given back after the command as an intake's batch does (PostgreSQL).</summary>
    [Benchmark]
    public string BindNewTicketIntoKeptParameters()
    {
        var sql = _tickets.Bind(_command, _command.Parameters, _ticket, out var lease);
        _command.Parameters.Clear();
        lease.Return();
        return sql;
    }

    public void Dispose()
    {
        _command.Dispose();
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }
}
