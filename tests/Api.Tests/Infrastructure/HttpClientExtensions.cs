using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ServiceDesk.Api.Tests.Infrastructure;

/// <summary>Requests with a body given as an object or as raw text, a chosen media type and optional If-Match.</summary>
public static class HttpClientExtensions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<HttpResponseMessage> SendJsonAsync(
        this HttpClient client,
        HttpMethod method,
        string url,
        object? body = null,
        string? ifMatch = null,
        string mediaType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(client);
        var text = body switch
        {
            null => null,
            string raw => raw,
            _ => JsonSerializer.Serialize(body, Json),
        };
        return client.SendRawAsync(method, url, text, mediaType, ifMatch);
    }

    public static async Task<HttpResponseMessage> SendRawAsync(
        this HttpClient client,
        HttpMethod method,
        string url,
        string? body,
        string mediaType = "application/json",
        string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body, string? ifMatch = null) =>
        client.SendJsonAsync(HttpMethod.Post, url, body, ifMatch);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object? body, string? ifMatch = null) =>
        client.SendJsonAsync(HttpMethod.Put, url, body, ifMatch);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object? body, string? ifMatch = null, string mediaType = "application/merge-patch+json") =>
        client.SendJsonAsync(HttpMethod.Patch, url, body, ifMatch, mediaType);

    /// <summary>GET with If-None-Match.</summary>
    public static async Task<HttpResponseMessage> GetIfNoneMatchAsync(this HttpClient client, string url, string etag)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return await client.SendAsync(request);
    }

    /// <summary>The ETag header as sent (quotes included); fails when there is none.</summary>
    public static string ETag(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var tag = response.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(tag), $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} has an ETag");
        return tag!;
    }

    public static MediaTypeHeaderValue? MediaType(this HttpResponseMessage response) => response?.Content.Headers.ContentType;

    /// <summary>
    /// Every page of a keyset-paged list at <paramref name="route"/>, two items at a time, following <c>nextCursor</c>
    /// (each page at most two items): the items' numbers in order.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AllNumbersAsync(this HttpClient client, string route, string query)
    {
        ArgumentNullException.ThrowIfNull(client);
        var numbers = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"{route}?{query}&limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}")).ReadJsonAsync();
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            numbers.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return numbers;
    }

    /// <summary>A fresh client-chosen code, so tests sharing a host never collide.</summary>
    public static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
}
