using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly;
using ServiceDesk.Application.Integrations;
using ServiceDesk.Infrastructure.Integrations.Webhooks;
using ServiceDesk.Application.Changes;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Application.ServiceLevels;
using ServiceDesk.Infrastructure.Catalog;
using ServiceDesk.Infrastructure.Changes;
using ServiceDesk.Infrastructure.Customers;
using ServiceDesk.Infrastructure.Incidents;
using ServiceDesk.Infrastructure.ServiceDesk;
using ServiceDesk.Infrastructure.Integrations;
using ServiceDesk.Infrastructure.Persistence;
using ServiceDesk.Infrastructure.Persistence.Outbox;
using ServiceDesk.Infrastructure.Persistence.Providers;
using ServiceDesk.Infrastructure.ServiceLevels;

namespace ServiceDesk.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "ServiceDesk";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var databaseSection = configuration.GetSection(DatabaseOptions.SectionName);
        services.Configure<DatabaseOptions>(databaseSection);
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.SectionName));
        var database = databaseSection.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        // Pooled contexts: a request rents a ready DbContext instead of building one.
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<ServiceDeskDbContext, PostgresServiceDeskDbContext>((sp, o) =>
                    o.UseNpgsql(DatabaseProviders.WithServiceDefaults(Require(connectionString, database.Provider), database.Provider), DatabaseProviders.Postgres)
                        .ReplaceService<IQuerySqlGeneratorFactory, PositionalParameterQuerySqlGeneratorFactory>()
                        .WithServiceSettings(sp, database));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<ServiceDeskDbContext, SqlServerServiceDeskDbContext>((sp, o) =>
                    o.UseSqlServer(DatabaseProviders.WithServiceDefaults(Require(connectionString, database.Provider), database.Provider), DatabaseProviders.SqlServer).WithServiceSettings(sp, database));
                break;
            default:
                var sqlite = SqliteConnectionString(connectionString, environment.ContentRootPath);
                services.AddDbContextPool<ServiceDeskDbContext, SqliteServiceDeskDbContext>((sp, o) =>
                    o.UseSqlite(sqlite, DatabaseProviders.Sqlite).WithServiceSettings(sp, database));
                break;
        }

        services.AddScoped<IServiceDeskDbContext>(sp => sp.GetRequiredService<ServiceDeskDbContext>());
        services.AddScoped<ICustomerDirectory, CustomerDirectory>();
        services.AddMemoryCache();
        services.AddSingleton<IBusinessCalendars, BusinessCalendars>();
        services.AddScoped<ApiKeyStore>();
        services.AddScoped<IApiKeyStore>(sp => sp.GetRequiredService<ApiKeyStore>());
        services.AddScoped<IApiKeyCache>(sp => sp.GetRequiredService<ApiKeyStore>());

        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.SectionName))
            .Validate(o => o.LeaseSeconds > 0, "Idempotency:LeaseSeconds must be a positive number of seconds.").ValidateOnStart();
        services.AddSingleton<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<ReferenceLookups>();
        services.AddScoped<IProductLookup>(sp => sp.GetRequiredService<ReferenceLookups>());
        services.AddScoped<ICustomerAgreementsLookup>(sp => sp.GetRequiredService<ReferenceLookups>());
        services.AddSingleton<ITicketNumbers, TicketNumbers>();
        services.AddSingleton<TicketListItems>();
        services.AddScoped<ITicketReader, TicketReader>();
        services.AddScoped<IProductLocks, ProductLocks>();
        services.AddScoped<CachedReferenceData>();
        services.AddScoped<ISlaContexts>(sp => sp.GetRequiredService<CachedReferenceData>());
        services.AddScoped<IAssignmentGroups>(sp => sp.GetRequiredService<CachedReferenceData>());
        services.AddSingleton<SlaMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<SlaMonitor>());

        services.AddSingleton<IOutboxBacklog, OutboxBacklog>();

        services.AddWebhooks(configuration);

        services.AddHealthChecks()
            .AddCheck<DatabaseReadyHealthCheck>("database", tags: ["ready"])
            .AddCheck<SlaMonitorHealthCheck>("sla-monitor", tags: ["ready"]);
        return services;
    }

    /// <summary>Subscriptions' SSRF guard, the signed HTTP client (per-attempt timeout from the resilience pipeline) and the dispatcher.</summary>
    private static void AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.SectionName));
        services.AddSingleton<IWebhookHostResolver, DnsWebhookHostResolver>();
        services.AddSingleton<IWebhookTargets, WebhookTargets>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookSignalInterceptor>();
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var resolver = sp.GetRequiredService<IWebhookHostResolver>();
                var allowPrivate = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateTargets;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    ConnectCallback = (context, ct) => WebhookSender.ConnectAsync(resolver, allowPrivate, context, ct),
                };
            })
            .AddResilienceHandler("webhook-attempt", (pipeline, context) =>
                pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout));
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
    }

    /// <summary>What every provider's context gets: the thread-safety check as configured, the warnings policy, the webhook signal.</summary>
    private static DbContextOptionsBuilder WithServiceSettings(this DbContextOptionsBuilder options, IServiceProvider services, DatabaseOptions database) =>
        options.EnableThreadSafetyChecks(database.ThreadSafetyChecks)
            .ConfigureWarnings(DatabaseProviders.Warnings)
            .AddInterceptors(services.GetRequiredService<WebhookSignalInterceptor>());

    private static string Require(string? connectionString, DatabaseProvider provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"Database:Provider is {provider}: set ConnectionStrings:{ConnectionStringName} (env ConnectionStrings__{ConnectionStringName}).")
            : connectionString;

    /// <summary>With no connection string, a file in <c>data/</c> under the content root, created on demand.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/servicedesk.db" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(builder.DataSource))
                builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        // Writers wait for each other instead of failing at once with "database is locked".
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }
}
