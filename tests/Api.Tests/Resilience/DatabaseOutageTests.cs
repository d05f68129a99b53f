using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;

namespace ServiceDesk.Api.Tests.Resilience;

/// <summary>A PostgreSQL cluster of the test's own (initdb in a temporary directory, a free port), so stopping it never disturbs the rest of the suite.</summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;

    private ThrowawayPostgres(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Maximum Pool Size=20";

    private string Data => Path.Combine(_directory, "data");

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .OrderBy(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0).Last() + "/bin";
        var directory = Path.Combine(Path.GetTempPath(), "servicedesk-outage-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var cluster = new ThrowawayPostgres(bin, directory, FreePortOutsideEphemeralRange());
        await RunAsync("chown", "-R", "postgres", directory);
        await AsPostgresAsync($"'{bin}/initdb' -D '{cluster.Data}' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8");
        await cluster.StartAgainAsync();
        return cluster;
    }

    /// <summary>
    /// A port below the kernel's ephemeral range that nothing has bound. The cluster binds it seconds later (after
    /// initdb) and again after its stop: a port from the ephemeral range (what port 0 hands out) could meanwhile become
    /// the local end of one of the suite's outgoing connections, and PostgreSQL would then fail to start.
    /// </summary>
    private static int FreePortOutsideEphemeralRange()
    {
        var range = File.Exists("/proc/sys/net/ipv4/ip_local_port_range")
            ? File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            : [];
        var ephemeralLow = range.Length == 2 && int.TryParse(range[0], out var low) ? low : 32768;
        var first = Math.Min(20000, ephemeralLow / 2);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(first, ephemeralLow);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: try another
            }
        }
        throw new InvalidOperationException($"No free port in [{first}, {ephemeralLow}).");
    }

    public Task StartAgainAsync() =>
        AsPostgresAsync($"'{_bin}/pg_ctl' -D '{Data}' -l '{_directory}/postgres.log' -w -t 60 " +
            $"-o \"-c listen_addresses=127.0.0.1 -p {Port} -k '{_directory}' -c fsync=off -c synchronous_commit=off\" start");

    public Task StopAsync() => AsPostgresAsync($"'{_bin}/pg_ctl' -D '{Data}' -m fast -w -t 60 stop");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
            await AsPostgresAsync($"'{_bin}/pg_ctl' -D '{Data}' -m immediate -w stop");
        Directory.Delete(_directory, recursive: true);
    }

    private static Task AsPostgresAsync(string command) => RunAsync("su", "postgres", "-s", "/bin/sh", "-c", command);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed: {await output}{await error}");
    }
}

/// <summary>The application on a database of the throwaway cluster.</summary>
public sealed class OutageApiFactory(TestDatabase database) : ServiceDeskApiFactory(database);

public sealed class DatabaseOutageTests
{
    [PostgresFact]
    public async Task With_PostgreSQL_stopped_requests_get_503_with_Retry_After_quickly_and_the_API_recovers_by_itself()
    {
        await using var cluster = await ThrowawayPostgres.StartAsync();
        await using var factory = new OutageApiFactory(TestDatabase.CreatePostgres(cluster.ConnectionString));
        var customer = await new DeskDriver(factory).CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        using var anonymous = factory.CreateClient(apiKey: null);
        var number = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer))).GetProperty("number").GetString();

        await cluster.StopAsync();

        var requests = new Func<Task<HttpResponseMessage>>[]
        {
            () => agent.GetAsync($"/api/v1/incidents/{number}"),
            () => agent.GetAsync("/api/v1/incidents?limit=5"),
            () => agent.PostJsonAsync("/api/v1/service-desk/tickets", DeskDriver.Incident(customer)),
            () => agent.PostJsonAsync($"/api/v1/incidents/{number}/comments", new { body = "During the outage", visibility = "internal" }),
            () => factory.CreateClient("a-key-never-seen-before").GetAsync("/api/v1/catalog/products"),
        };
        foreach (var send in requests)
        {
            var watch = Stopwatch.StartNew();
            using var response = await send();
            watch.Stop();
            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, typeEndsWith: "/database-unavailable");
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{response.RequestMessage?.RequestUri} answered after {watch.Elapsed}");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);

        // The database comes back: within 15 s the API serves again on its own, with the acknowledged ticket kept.
        await cluster.StartAgainAsync();
        var back = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(250);
            status = (await agent.GetAsync($"/api/v1/incidents/{number}")).StatusCode;
        }
        while (status != HttpStatusCode.OK && back.Elapsed < TimeSpan.FromSeconds(15));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer));
    }
}
