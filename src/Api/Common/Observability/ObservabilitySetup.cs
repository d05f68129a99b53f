using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ServiceDesk.Application.Common.Observability;

namespace ServiceDesk.Api.Common.Observability;

/// <summary>
/// Logs, traces and metrics. OpenTelemetry is set up only when something will read it: OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (every other <c>OTEL_*</c> variable as the SDK defines it), the
/// Prometheus scrape endpoint when <c>Observability:PrometheusEndpoint</c> names a path. <c>Logging:Format=json</c>
/// writes the console log as JSON lines with their scopes (the trace id among them).
/// </summary>
public static class ObservabilitySetup
{
    public const string PrometheusEndpointSetting = "Observability:PrometheusEndpoint";
    public const string LogFormatSetting = "Logging:Format";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The default service name in traces and metrics; <c>OTEL_SERVICE_NAME</c> overrides it.</summary>
    public const string ServiceName = "servicedesk";

    public static IServiceCollection AddServiceDeskObservability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Every log line written during a request (or an SLA monitor pass) carries its trace id in the scope.
        services.Configure<LoggerFactoryOptions>(o =>
            o.ActivityTrackingOptions |= ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (string.Equals(configuration[LogFormatSetting], "json", StringComparison.OrdinalIgnoreCase))
        {
            services.AddLogging(logging => logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            }));
        }

        var prometheus = PrometheusEndpoint(configuration);
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        if (prometheus is null && !otlp)
            return services;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(ServiceDeskMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter("Npgsql") // Npgsql's own connection-pool and command metrics
                    .AddMeter("System.Runtime");
                // Every scrape reads the current values (the exporter would otherwise answer from a 300 ms cache).
                if (prometheus is not null)
                    metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            });

        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(ServiceDeskActivities.SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbeOrScrape(context.Request.Path, prometheus))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation());
            // Traces, metrics and logs to the collector named by the OTEL_EXPORTER_OTLP_* variables.
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>Maps the Prometheus scrape endpoint when <c>Observability:PrometheusEndpoint</c> is set: anonymous, not rate-limited.</summary>
    public static WebApplication MapServiceDeskMetricsEndpoint(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (PrometheusEndpoint(app.Configuration) is { } path)
            app.MapPrometheusScrapingEndpoint(path).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private static string? PrometheusEndpoint(IConfiguration configuration) =>
        configuration[PrometheusEndpointSetting] is { Length: > 0 } path && !string.IsNullOrWhiteSpace(path)
            ? (path.StartsWith('/') ? path : "/" + path)
            : null;

    private static bool IsProbeOrScrape(PathString path, string? prometheus) =>
        path.StartsWithSegments("/health") || (prometheus is not null && path.StartsWithSegments(prometheus));
}
