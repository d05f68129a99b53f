using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Conventions;

public sealed class HealthAndOpenApiTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static readonly string[] DocumentedPaths =
    [
        "/api/v1/catalog/product-lines",
        "/api/v1/catalog/product-lines/{lineCode}",
        "/api/v1/catalog/series",
        "/api/v1/catalog/series/{seriesCode}",
        "/api/v1/catalog/products",
        "/api/v1/catalog/products/{productCode}",
        "/api/v1/catalog/products/{productCode}/quote",
        "/api/v1/catalog/products/{productCode}/retire",
        "/api/v1/catalog/products/{productCode}/reinstate",
        "/api/v1/api-keys",
        "/api/v1/api-keys/{id}",
    ];

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = factory.CreateClient(apiKey: null);
        var response = await client.GetAsync("/swagger/v1/swagger.json");
        return await response.ReadJsonAsync();
    }

    /// <summary>Follows <c>$ref</c> and single-element <c>allOf</c> wrappers to the schema that holds the content.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        for (var depth = 0; depth < 10; depth++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/')[^1];
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
            }
            else if (schema.TryGetProperty("allOf", out var allOf) && allOf.GetArrayLength() == 1)
            {
                schema = allOf[0];
            }
            else if (schema.TryGetProperty("oneOf", out var oneOf))
            {
                schema = oneOf.EnumerateArray().First(s => !s.TryGetProperty("type", out var t) || t.GetString() != "null");
            }
            else
            {
                return schema;
            }
        }

        return schema;
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_probes_answer_200_without_auth(string url)
    {
        using var client = factory.CreateClient(apiKey: null);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger")] // redirects to index.html
    [InlineData("/swagger/")]
    public async Task The_Swagger_UI_is_served_without_auth(string path)
    {
        using var client = factory.CreateClient(apiKey: null);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_Swagger_UI_assets_are_served()
    {
        using var client = factory.CreateClient(apiKey: null);
        var response = await client.GetAsync("/swagger/swagger-ui-bundle.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 10_000);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_without_auth_and_lists_every_catalog_and_api_key_path()
    {
        var document = await DocumentAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(DocumentedPaths, path => Assert.Contains(path, paths));
    }

    [Fact]
    public async Task The_OpenAPI_document_has_each_catalog_and_api_key_operation()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        string[] Methods(string path) => paths.GetProperty(path).EnumerateObject().Select(o => o.Name).Where(n => n is "get" or "post" or "put" or "patch" or "delete").Order().ToArray();

        Assert.Equal(["get", "post"], Methods("/api/v1/catalog/product-lines"));
        Assert.Equal(["get", "patch", "put"], Methods("/api/v1/catalog/product-lines/{lineCode}"));
        Assert.Equal(["post"], Methods("/api/v1/catalog/series"));
        Assert.Equal(["get", "patch", "put"], Methods("/api/v1/catalog/series/{seriesCode}"));
        Assert.Equal(["get", "post"], Methods("/api/v1/catalog/products"));
        Assert.Equal(["get", "patch", "put"], Methods("/api/v1/catalog/products/{productCode}"));
        Assert.Equal(["get", "post"], Methods("/api/v1/api-keys"));
        Assert.Equal(["delete", "get"], Methods("/api/v1/api-keys/{id}"));
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_the_ApiKey_and_Bearer_schemes()
    {
        var schemes = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes");

        var apiKey = schemes.GetProperty("ApiKey");
        Assert.Equal("apiKey", apiKey.GetProperty("type").GetString());
        Assert.Equal("header", apiKey.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", apiKey.GetProperty("name").GetString());
        var bearer = schemes.GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_writes_a_product_kind_as_the_strings_support_request_recurring()
    {
        var document = await DocumentAsync();
        var product = Resolve(document, document.GetProperty("components").GetProperty("schemas").GetProperty("ProductResponse"));

        var kind = Resolve(document, product.GetProperty("properties").GetProperty("kind"));

        Assert.Equal(["support", "request", "recurring"], kind.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!));
    }

    [Fact]
    public async Task The_OpenAPI_document_writes_PascalCase_enums_as_strings()
    {
        var document = await DocumentAsync();
        var product = Resolve(document, document.GetProperty("components").GetProperty("schemas").GetProperty("ProductResponse"));

        var status = Resolve(document, product.GetProperty("properties").GetProperty("status"));
        var modes = Resolve(document, Resolve(document, product.GetProperty("properties").GetProperty("deliveryModes")).GetProperty("items"));

        Assert.Equal(["Active", "Retired"], status.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!));
        Assert.Equal(["Remote", "OnSite"], modes.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!));
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_error_statuses_of_a_write()
    {
        var post = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v1/catalog/products").GetProperty("post").GetProperty("responses");

        foreach (var status in new[] { "201", "400", "401", "403", "409", "415", "429" })
            Assert.True(post.TryGetProperty(status, out _), $"POST /catalog/products documents {status}");
    }
}
