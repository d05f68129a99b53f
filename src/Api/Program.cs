using ServiceDesk.Api;
using ServiceDesk.Api.Catalog;
using ServiceDesk.Api.Changes;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Api.Customers;
using ServiceDesk.Api.Incidents;
using ServiceDesk.Api.Integrations;
using ServiceDesk.Api.Knowledge;
using ServiceDesk.Api.Problems;
using ServiceDesk.Api.Reports;
using ServiceDesk.Api.ServiceDesk;
using ServiceDesk.Api.ServiceLevels;
using ServiceDesk.Application;
using ServiceDesk.Infrastructure;
using ServiceDesk.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddApplication(builder.Configuration)
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddApi(builder.Configuration);

var app = builder.Build();

await app.Services.InitialiseDatabaseAsync();

app.UseApi();

// Every API route needs an authenticated caller (routes narrow it to roles); unknown paths stay plain 404s.
var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Authenticated);
api.MapCatalogEndpoints();
api.MapServiceDeskEndpoints();
api.MapTicketEndpoints();
api.MapServiceLevelEndpoints();
api.MapCustomerEndpoints();
api.MapChangeEndpoints();
api.MapCausedByEndpoints();
api.MapProblemEndpoints();
api.MapKnowledgeEndpoints();
api.MapReportEndpoints();
api.MapApiKeyEndpoints();
api.MapWebhookEndpoints();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the application.</summary>
public partial class Program;
