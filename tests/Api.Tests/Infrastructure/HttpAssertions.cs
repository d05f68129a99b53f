using System.Net;
using System.Text.Json;

namespace ServiceDesk.Api.Tests.Infrastructure;

/// <summary>What every error response must look like: problem+json, the status, and (for 400) the field named.</summary>
public static class HttpAssertions
{
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null, string? typeEndsWith = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.True(problem.TryGetProperty("traceId", out _), "problem has a traceId");
        if (field is not null)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors), $"problem has errors: {body}");
            Assert.True(errors.TryGetProperty(field, out _), $"errors name '{field}': {body}");
        }

        if (typeEndsWith is not null)
            Assert.EndsWith(typeEndsWith, problem.GetProperty("type").GetString());
        return problem;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
