using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Observability;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Api.Common.Swagger;
using ServiceDesk.Api.Incidents;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Api;

public static class DependencyInjection
{
    private const string DefaultScheme = "ServiceDesk";

    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => ConfigureJson(o.JsonSerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        // On SIGTERM the server stops accepting, lets in-flight requests finish and stops the background workers
        // (between batches), all within this time; whatever still runs after it is cut off.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Host:ShutdownTimeoutSeconds", 30))));
        services.AddProblemDetails();
        services.AddExceptionHandler<ExceptionToProblemHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddSingleton<MergePatch>();

        services.AddServiceDeskAuthentication(configuration);
        services.AddServiceDeskRateLimiting(configuration);
        services.AddServiceDeskSwagger();
        services.AddServiceDeskObservability(configuration);
        return services;
    }

    /// <summary>
    /// camelCase; enums as strings, strict (no numbers); the lower-camel enums that the contract spells that way; list items'
    /// JSON kept with each item (<see cref="TicketListItemJsonConverter"/>).
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new UtcInstantJsonConverter());
        // The contract spells these in lower camel case (incident, serviceRequest, portal, public, support);
        // every other enum keeps its PascalCase name (P1, OnHold, Breached).
        options.Converters.Add(new JsonStringEnumConverter<ProductKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<IntakeType>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<TicketKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<Channel>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<CommentVisibility>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new TicketListItemJsonConverter());
    }

    private static void AddServiceDeskAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var jwt = configuration.GetSection("Auth:Jwt");
        var authority = jwt["Authority"];
        var roleClaim = jwt["RoleClaim"] ?? "roles";
        var customerClaim = jwt["CustomerClaim"] ?? ServiceDeskClaims.CustomerId;

        var authentication = services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, DefaultScheme, o => o.ForwardDefaultSelector = context =>
                !string.IsNullOrEmpty(authority)
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        if (!string.IsNullOrEmpty(authority))
        {
            authentication.AddJwtBearer(o =>
            {
                o.Authority = authority;
                o.Audience = jwt["Audience"];
                o.RequireHttpsMetadata = jwt.GetValue("RequireHttpsMetadata", true);
                o.MapInboundClaims = false;
                o.TokenValidationParameters.RoleClaimType = roleClaim;
                o.TokenValidationParameters.NameClaimType = jwt["NameClaim"] ?? "name";
                o.Events = new JwtBearerEvents
                {
                    // Roles and customer arrive under configurable claim names; normalise them to what the app reads.
                    OnTokenValidated = context =>
                    {
                        if (context.Principal?.Identity is ClaimsIdentity identity)
                        {
                            foreach (var role in identity.FindAll(roleClaim).ToList())
                                identity.AddClaim(new Claim(ClaimTypes.Role, role.Value));
                            if (identity.FindFirst(customerClaim) is { } customer && customerClaim != ServiceDeskClaims.CustomerId)
                                identity.AddClaim(new Claim(ServiceDeskClaims.CustomerId, customer.Value));
                            if (identity.FindFirst("sub") is { } sub)
                                identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, sub.Value));
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        }

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Policies.RolesByPolicy[Policies.Admin]))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Policies.RolesByPolicy[Policies.Staff]))
            .AddPolicy(Policies.StaffOrCustomer, p => p.RequireRole(Policies.RolesByPolicy[Policies.StaffOrCustomer]))
            .AddPolicy(Policies.Manager, p => p.RequireRole(Policies.RolesByPolicy[Policies.Manager]))
            .AddPolicy(Policies.Customer, p => p.RequireRole(Policies.RolesByPolicy[Policies.Customer]))
            .AddPolicy(Policies.ChangeApprover, p => p.RequireRole(Policies.RolesByPolicy[Policies.ChangeApprover]))
            .AddPolicy(Policies.ChangeReader, p => p.RequireRole(Policies.RolesByPolicy[Policies.ChangeReader]))
            .AddPolicy(Policies.ChangeReaderOrCustomer, p => p.RequireRole(Policies.RolesByPolicy[Policies.ChangeReaderOrCustomer]))
            .AddPolicy(Policies.ReportReader, p => p.RequireRole(Policies.RolesByPolicy[Policies.ReportReader]));
    }

    /// <summary>
    /// Per caller (the resolved API key id or token subject, else the client address): <c>RateLimiting:PermitLimit</c> requests per
    /// <c>RateLimiting:WindowSeconds</c>. Health probes and the Swagger UI are not limited.
    /// </summary>
    private static void AddServiceDeskRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permitLimit = configuration.GetValue("RateLimiting:PermitLimit", 600);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimiting:WindowSeconds", 60));

        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var path = context.Request.Path;
                if (path.StartsWithSegments("/health") || path.StartsWithSegments("/swagger"))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                return RateLimitPartition.GetFixedWindowLimiter(CallerKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permitLimit,
                    Window = window,
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ProblemResults.WriteAsync(context.HttpContext, ProblemResults.Create(
                    context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"At most {permitLimit} requests per {window.TotalSeconds:0} seconds; retry after the time in Retry-After."));
            };
        });
    }

    /// <summary>
    /// The rate-limit bucket: the caller authentication resolved (API key id or token subject), so every spelling of
    /// one credential that authenticates (e.g. with surrounding whitespace) counts in one bucket; a request without a
    /// valid credential counts against its client address. Never the raw header, which a caller can vary at will.
    /// </summary>
    internal static string CallerKey(HttpContext context)
    {
        if (context.User.Identity is { IsAuthenticated: true } identity
            && context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id)
            return $"{identity.AuthenticationType}:{id}";
        return "ip:" + context.Connection.RemoteIpAddress;
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            // Empty-bodied errors from the framework (unknown route 404, 405, 415...) become problem+json too.
            var http = context.HttpContext;
            if (http.Response.HasStarted || http.Response.ContentLength > 0 || !string.IsNullOrEmpty(http.Response.ContentType))
                return;
            var status = http.Response.StatusCode;
            if (status == StatusCodes.Status415UnsupportedMediaType)
            {
                await ProblemResults.WriteAsync(http, RequestGuard.UnsupportedMediaType(http));
                return;
            }

            var title = ReasonPhrases.For(status);
            await ProblemResults.WriteAsync(http, ProblemResults.Create(http, status, title, status == 404 ? $"No resource at {http.Request.Path}." : null));
        });

        // Swagger's two middlewares test every request's path (the UI's with a regex), 2 % of a ticket read: only requests
        // under /swagger (the document and the UI) go through them.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase), swagger =>
        {
            swagger.UseSwagger();
            swagger.UseSwaggerUI(o =>
            {
                o.SwaggerEndpoint("/swagger/v1/swagger.json", "ServiceDesk API v1");
                o.DocumentTitle = "ServiceDesk API";
                o.EnablePersistAuthorization();
            });
        });

        // Authentication first, so the limiter partitions by the resolved caller rather than by a header's spelling.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<RequestGuard>();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous().DisableRateLimiting();
        app.MapServiceDeskMetricsEndpoint();
        return app;
    }

    private static class ReasonPhrases
    {
        public static string For(int status) =>
            Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
    }
}
