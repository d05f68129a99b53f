using Microsoft.OpenApi;

namespace ServiceDesk.Api.Common.Swagger;

internal static class SwaggerSetup
{
    private static readonly string[] DocumentedAssemblies = ["ServiceDesk.Api.xml", "ServiceDesk.Application.xml"];

    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddServiceDeskSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "ServiceDesk API",
                Version = "v1",
                Description = "The single entry point of an IT-outsourcing service desk: catalog, service levels, tickets, SLA clocks. "
                    + "Authenticate with an API key in X-Api-Key (or a bearer token where an OIDC authority is configured). "
                    + "Errors are RFC 9457 problem+json; lists are keyset-paged with limit/cursor.",
                Contact = new OpenApiContact { Name = "ServiceDesk maintainers", Url = new Uri("https://servicedesk.example/support"), Email = "servicedesk@servicedesk.example" },
                License = new OpenApiLicense { Name = "Proprietary: for the provider's customers and integrators", Url = new Uri("https://servicedesk.example/license") },
            });
            o.AddServer(new OpenApiServer { Url = "http://localhost:5000", Description = "A local instance (dotnet run --project src/Api)" });

            o.AddSecurityDefinition(ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An API key issued by POST /api/v1/api-keys (or the bootstrap admin key).",
            });
            o.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT from the configured OIDC authority (Auth:Jwt:Authority).",
            });
            // Two requirement objects: an API key OR a bearer token (one object naming both would demand both).
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [],
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [],
            });

            foreach (var xml in DocumentedAssemblies)
            {
                var path = Path.Combine(AppContext.BaseDirectory, xml);
                if (File.Exists(path))
                    o.IncludeXmlComments(path, includeControllerXmlComments: true);
            }

            o.SupportNonNullableReferenceTypes();
            o.UseAllOfToExtendReferenceSchemas();
            o.OperationFilter<ProblemResponsesOperationFilter>();
            o.OperationFilter<RouteParametersOperationFilter>();
            o.OperationFilter<CsvResponsesOperationFilter>();
            o.OperationFilter<PeriodParametersOperationFilter>();
            o.OperationFilter<ContractOperationFilter>();
            o.SchemaFilter<ExamplesSchemaFilter>();
            o.SchemaFilter<ValidationRulesSchemaFilter>();
            o.SchemaFilter<ProblemSchemaFilter>();
            o.DocumentFilter<ContractDocumentFilter>();
        });
        return services;
    }
}
