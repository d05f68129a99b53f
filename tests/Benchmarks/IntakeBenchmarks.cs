using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceDesk.Api;
using ServiceDesk.Application;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.Customers.Commands;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Application.Incidents.Queries;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Application.ServiceDesk.Commands;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Infrastructure;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Benchmarks;

/// <summary>
/// The write and the reads every client does, through the application's own services and <see cref="ISender"/>, as an
/// endpoint calls them (one DI scope per operation, as per request; no HTTP, no JSON): raising an incident (validation,
/// entitlement, product, SLA context, routing, numbering, <c>Ticket.Open</c>, one save of the ticket, its history line
/// and its outbox row), reading one incident (<see cref="GetTicketQuery"/>) and a page of 50 (<see cref="ListTicketsQuery"/>).
/// The database is SQLite in memory (shared cache, kept alive by one open connection), migrated and seeded at start
/// as the API does (<see cref="DatabaseInitializer"/>, with the demo data: ACME with GOLD on the OPS line), and holds
/// 200 incidents raised the same way before measuring. The caller is a fixed Agent. Hosted services (SLA monitor,
/// webhook dispatcher) are not started, and there are no logging providers, so neither is in the figures. SQLite in
/// memory has no I/O: the figures are the application's and EF Core's own cost, a floor under PostgreSQL's.
/// </summary>
[MemoryDiagnoser]
public class IntakeBenchmarks : IAsyncDisposable
{
    private const string ConnectionString = "Data Source=bench;Mode=Memory;Cache=Shared";
    private const int Preloaded = 200;

    /// <summary>ACME in the demo data (DemoDataSeeder.AcmeId): GOLD for the OPS line.</summary>
    private static readonly Guid Acme = new("0a000000-0000-7000-8000-00000000ac3e");

    private static readonly RaiseTicketCommand Raise = new(
        IntakeType.Incident, Acme, "OPS-DC-01", "Machine room B humidity alarm",
        "The humidity sensor in row 4 reports 78% since 08:40; the CRAC unit shows no fault.",
        Impact.Medium, Urgency.High, Channel.Portal, new ContactBody("Zhang Min", "zhang.min@acme.example", "+86 21 5555 0123"), "ACME-7781");

    private static readonly ListTicketsQuery FirstPage = new(TicketKind.Incident, null, null, null, null, null, null, null, null, null, new PageRequest(50, null));

    private SqliteConnection? _keepAlive;
    private WebApplication? _app;
    private GetTicketQuery _get = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        // Holds the in-memory database for the run: it is dropped when its last connection closes.
        _keepAlive = new SqliteConnection(ConnectionString);
        await _keepAlive.OpenAsync();

        // The services as Program.cs builds them, with the benchmark's database and caller.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:ServiceDesk"] = ConnectionString,
            ["Seed:DemoData"] = "true",
            ["Auth:BootstrapAdminKey"] = string.Empty,
            // appsettings.Development.json turns EF Core's thread-safety check on; production runs without it.
            ["Database:ThreadSafetyChecks"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.Services
            .AddApplication(builder.Configuration)
            .AddInfrastructure(builder.Configuration, builder.Environment)
            .AddApi(builder.Configuration);
        builder.Services.RemoveAll<ICurrentUser>();
        builder.Services.AddSingleton<ICurrentUser>(new BenchAgent());
        _app = builder.Build();
        await _app.Services.InitialiseDatabaseAsync();

        var numbers = new List<string>(Preloaded);
        for (var i = 0; i < Preloaded; i++)
            numbers.Add((await RaiseIncident()).Number);
        _get = new GetTicketQuery(TicketKind.Incident, numbers[Preloaded / 2]);
    }

    [GlobalCleanup]
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        if (_keepAlive is not null)
            await _keepAlive.DisposeAsync();
        // Pooled connections would keep the in-memory database (and its tickets) alive into the next benchmark case.
        SqliteConnection.ClearAllPools();
        _app = null;
        _keepAlive = null;
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public async Task<IntakeResponse> RaiseIncident()
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(Raise);
    }

    [Benchmark]
    public async Task<TicketResponse> GetIncident()
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(_get);
    }

    [Benchmark]
    public async Task<Page<TicketListItem>> ListIncidents()
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(FirstPage);
    }

    /// <summary>The caller the HTTP layer would resolve from an Agent's API key.</summary>
    private sealed class BenchAgent : ICurrentUser
    {
        public string Id => "bench-agent-key";

        public string Name => "bench.agent";

        public IReadOnlyCollection<string> Roles { get; } = [Application.Common.Security.Roles.Agent];

        public Guid? CustomerId => null;

        public bool IsInRole(string role) => Roles.Contains(role);
    }
}
