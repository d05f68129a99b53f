using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ServiceDesk.Api.Tests.Infrastructure;

/// <summary>
/// The real application over HTTP, on its own fresh database, with a controllable clock. Settings can be
/// overridden per factory (e.g. a tiny rate limit for the 429 tests).
/// </summary>
public class ServiceDeskApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminKey = "test-bootstrap-admin-key";

    /// <summary>Tests start on Tuesday 2026-11-24 09:00 Asia/Shanghai (01:00 UTC), a working day on every calendar.</summary>
    public static readonly DateTimeOffset StartOfTests = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly bool _ownsDatabase;

    public ServiceDeskApiFactory()
        : this(TestDatabase.Create())
    {
    }

    protected ServiceDeskApiFactory(TestDatabase database)
        : this(database, ownsDatabase: true)
    {
    }

    /// <param name="database">The database the host runs on.</param>
    /// <param name="ownsDatabase">Whether disposing this factory drops the database (false for a host that shares another's).</param>
    protected ServiceDeskApiFactory(TestDatabase database, bool ownsDatabase)
    {
        ArgumentNullException.ThrowIfNull(database);
        _ownsDatabase = ownsDatabase;
        Database = database;
        _settings["Database:Provider"] = database.Provider;
        _settings["ConnectionStrings:ServiceDesk"] = database.ConnectionString;
        _settings["Auth:BootstrapAdminKey"] = AdminKey;
        _settings["RateLimiting:PermitLimit"] = "1000000";
        _settings["Sla:MonitorIntervalSeconds"] = "3600";
        _settings["Seed:DemoData"] = "false";
        _settings["Problems:RefuseUndeclaredTypes"] = "true";
        // Off in production for speed; on here, so that a context used by two operations at once fails a test.
        _settings["Database:ThreadSafetyChecks"] = "true";
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(StartOfTests);

    /// <summary>Overrides a configuration value; call before the first client is created.</summary>
    public ServiceDeskApiFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>
    /// Drops a value the suite sets by default, so that the shipped configuration (appsettings.json) decides it;
    /// call before the first client is created.
    /// </summary>
    public ServiceDeskApiFactory Without(string key)
    {
        _settings.Remove(key);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public HttpClient CreateAdminClient() => CreateClient(AdminKey);

    /// <summary>Issues a key through the API (as the bootstrap admin) and returns a client that uses it.</summary>
    public async Task<(HttpClient Client, Guid KeyId, string Key)> CreateClientWithRolesAsync(Guid? customerId = null, params string[] roles)
    {
        using var admin = CreateAdminClient();
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = $"test-{string.Join('-', roles)}", roles, customerId });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedKey>();
        return (CreateClient(created!.Key), created.Id, created.Key);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
            await Database.DisposeAsync();
    }

    private sealed record CreatedKey(Guid Id, string Key);
}
