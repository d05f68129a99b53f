using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Observability;

/// <summary>A host whose log lines the test can read.</summary>
public sealed class LogCapturingApiFactory : ServiceDeskApiFactory
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>
/// The traceId a client sees in a problem is the request's W3C trace id, and the error log line of a 500 carries
/// the same id, in its scope and in its text, so that a support engineer finds the line from what the client quotes.
/// </summary>
public sealed class ErrorLogTraceTests(LogCapturingApiFactory factory) : IClassFixture<LogCapturingApiFactory>
{
    // A caller that traces its own requests sends traceparent; the request then runs in the caller's trace.
    private const string CallerTraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string TraceParent = "00-" + CallerTraceId + "-b7ad6b7169203331-01";

    [Fact]
    public async Task The_error_log_of_a_500_carries_the_traceId_the_client_saw()
    {
        using var client = factory.CreateAdminClient();
        await (await client.GetAsync("/api/v1/catalog/products/OPS-SD-01")).ReadJsonAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "DROP TABLE \"Products\" CASCADE" : "DROP TABLE \"Products\"");
        }

        // A caller that traces its own requests sends traceparent: the request runs in the caller's trace.
        using var traced = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog/products/OPS-SD-01");
        traced.Headers.Add("traceparent", TraceParent);
        var tracedProblem = await (await client.SendAsync(traced)).AssertProblemAsync(HttpStatusCode.InternalServerError);
        // Any other request gets a trace of its own.
        var plainProblem = await (await client.GetAsync("/api/v1/catalog/products/OPS-SD-02")).AssertProblemAsync(HttpStatusCode.InternalServerError);

        Assert.Equal(CallerTraceId, tracedProblem.GetProperty("traceId").GetString());
        var plainTraceId = plainProblem.GetProperty("traceId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", plainTraceId);
        Assert.NotEqual(CallerTraceId, plainTraceId);
        Assert.NotEqual(new string('0', 32), plainTraceId);

        var errors = factory.Logs.Logs.Where(log => log.EventId.Id == 2001).ToList();
        Assert.Equal(2, errors.Count);
        foreach (var (traceId, path) in new[] { (CallerTraceId, "/api/v1/catalog/products/OPS-SD-01"), (plainTraceId, "/api/v1/catalog/products/OPS-SD-02") })
        {
            var error = Assert.Single(errors, log => Equals(log.Scope.GetValueOrDefault("TraceId")?.ToString(), traceId));
            Assert.Equal(LogLevel.Error, error.Level);
            Assert.NotNull(error.Exception);
            Assert.Contains(traceId, error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
    }
}
