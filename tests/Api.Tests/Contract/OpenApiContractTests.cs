using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Api.Tests.Contract;

/// <summary>
/// The OpenAPI document is the contract: checked operation by operation over the served document (so routes added
/// later are checked too), its constraints taken from the validators, and the committed copy (docs/openapi.json, which
/// the generated client is built from) is the served one.
/// </summary>
public sealed class OpenApiContractTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    [Fact]
    public async Task The_committed_document_is_the_served_one()
    {
        var served = JsonNode.Parse(await ServedAsync());
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi.json");
        Assert.True(File.Exists(path), "docs/openapi.json is missing: run scripts/export-openapi.sh and commit docs/openapi.json");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path));

        Assert.True(JsonNode.DeepEquals(served, committed),
            "docs/openapi.json differs from the document the API serves: run scripts/export-openapi.sh (after a build) and commit docs/openapi.json");
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_and_a_description_naming_its_callers_and_errors()
    {
        foreach (var (route, method, operation) in Operations(await DocumentAsync()))
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()), $"{method} {route} has an operationId");
            Assert.True(operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 0, $"{method} {route} has a summary");
            var description = operation.GetProperty("description").GetString()!;
            Assert.Contains("Who may call it: ", description, StringComparison.Ordinal);
            Assert.Contains("Errors (problem+json): ", description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_operation_documents_the_headers_it_takes_and_gives()
    {
        var document = await DocumentAsync();
        foreach (var (route, method, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            var headers = operation.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()).ToHashSet()
                : [];
            if (responses.TryGetProperty("412", out _))
                Assert.Contains("If-Match", headers);
            if (responses.TryGetProperty("201", out var created))
            {
                Assert.True(created.GetProperty("headers").TryGetProperty("Location", out _), $"{method} {route}: 201 documents Location");
                Assert.Contains("Idempotency-Key", headers);
            }

            if (responses.TryGetProperty("304", out _))
                Assert.Contains("If-None-Match", headers);
            Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _), $"{method} {route}: 429 documents Retry-After");
        }

        var getIncident = document.GetProperty("paths").GetProperty("/api/v1/incidents/{number}").GetProperty("get");
        Assert.True(getIncident.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
        Assert.True(getIncident.GetProperty("responses").TryGetProperty("304", out _));
        var deskTicket = document.GetProperty("paths").GetProperty("/api/v1/service-desk/tickets/{number}").GetProperty("get");
        Assert.True(deskTicket.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
    }

    [Fact]
    public async Task Security_is_an_api_key_or_a_bearer_token()
    {
        var security = (await DocumentAsync()).GetProperty("security").EnumerateArray()
            .Select(requirement => string.Join("+", requirement.EnumerateObject().Select(p => p.Name))).ToList();

        Assert.Equal(["ApiKey", "Bearer"], security);
    }

    [Fact]
    public async Task The_problem_schema_has_errors_and_traceId()
    {
        var document = await DocumentAsync();
        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");

        Assert.Equal("object", problem.GetProperty("errors").GetProperty("type").GetString());
        Assert.Equal("string", problem.GetProperty("errors").GetProperty("additionalProperties").GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("string", problem.GetProperty("traceId").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Constraints_come_from_the_validators()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        // ContactBodyValidator: name NotEmpty + MaximumLength(Contact.NameMaxLength); email EmailAddress when given.
        var contact = schemas.GetProperty("ContactBody");
        Assert.Contains("name", contact.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(Contact.NameMaxLength, contact.GetProperty("properties").GetProperty("name").GetProperty("maxLength").GetInt32());
        Assert.Equal("email", contact.GetProperty("properties").GetProperty("email").GetProperty("format").GetString());
        Assert.DoesNotContain("email", contact.GetProperty("required").EnumerateArray().Select(r => r.GetString()));

        // RateTicketCommandValidator: Body.Overall NotNull + InclusiveBetween(MinValue, MaxValue) lands on SatisfactionBody.overall.
        var satisfaction = schemas.GetProperty("SatisfactionBody");
        var overall = satisfaction.GetProperty("properties").GetProperty("overall");
        Assert.Contains("overall", satisfaction.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(SatisfactionRating.MinValue, overall.GetProperty("minimum").GetInt32());
        Assert.Equal(SatisfactionRating.MaxValue, overall.GetProperty("maximum").GetInt32());
        Assert.False(overall.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean(), "a required rating is not nullable");

        // CreateCustomerCommandValidator: code MustBeCode (required, at most Guard.MaxCodeLength).
        var customer = schemas.GetProperty("CreateCustomerCommand");
        Assert.Contains("code", customer.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(Guard.MaxCodeLength, customer.GetProperty("properties").GetProperty("code").GetProperty("maxLength").GetInt32());
    }

    private Task<string> ServedAsync() => ServedOpenApi.TextAsync(factory);

    private Task<JsonElement> DocumentAsync() => ServedOpenApi.DocumentAsync(factory);

    private static IEnumerable<(string Route, string Method, JsonElement Operation)> Operations(JsonElement document) => ServedOpenApi.Operations(document);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ServiceDesk.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("ServiceDesk.sln not found above " + AppContext.BaseDirectory);
    }
}
