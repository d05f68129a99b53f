using System.Net.Http.Json;
using System.Text;

namespace ServiceDesk.Api.Tests.Infrastructure;

/// <summary>Requests with the headers the concurrency rules are about (If-Match, If-None-Match).</summary>
public static class RequestExtensions
{
    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = body is string raw ? new StringContent(raw, Encoding.UTF8, "application/json") : JsonContent.Create(body);
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> GetIfNoneMatchAsync(this HttpClient client, string url, string etag)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return await client.SendAsync(request);
    }

    public static string ETag(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The response has no ETag.");
    }

    /// <summary>A fresh client-chosen code, so tests sharing a host never collide.</summary>
    public static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
}
