using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Contract;

/// <summary>The OpenAPI document the API serves (no credentials needed), and its operations one by one.</summary>
internal static class ServedOpenApi
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static async Task<string> TextAsync(ServiceDeskApiFactory factory)
    {
        using var client = factory.CreateClient(apiKey: null);
        var response = await client.GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<JsonElement> DocumentAsync(ServiceDeskApiFactory factory) =>
        JsonDocument.Parse(await TextAsync(factory)).RootElement.Clone();

    public static IEnumerable<(string Route, string Method, JsonElement Operation)> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in Methods)
            {
                if (path.Value.TryGetProperty(method, out var operation))
                    yield return (path.Name, method, operation);
            }
        }
    }
}
