using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;

namespace ServiceDesk.Api.Tests.Conventions;

/// <summary>
/// Input that cannot be read right is refused with a problem saying what and where (never a 500): charsets, invalid
/// UTF-8, duplicate properties, lone surrogates, NUL characters, instants without offsets, unknown enum values,
/// malformed JSON and hand-edited cursors. The same on SQLite and PostgreSQL (which cannot store NUL at all).
/// </summary>
public sealed class UnreadableInputTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private const string Lines = "/api/v1/catalog/product-lines";

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("application/json; charset=bogus-charset")]
    [InlineData("application/json; charset=\"\"")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_body_in_an_unknown_empty_or_other_charset_is_415(string contentType)
    {
        using var client = factory.CreateAdminClient();
        var response = await SendBytesAsync(client, HttpMethod.Post, "/api/v1/knowledge-articles", Encoding.UTF8.GetBytes("{\"title\":\"T\",\"body\":\"B\"}"), contentType);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_415_has_the_same_shape()
    {
        using var client = factory.CreateAdminClient();
        var wrongType = await client.SendRawAsync(HttpMethod.Post, "/api/v1/knowledge-articles", "title=T", "text/plain");
        var wrongPatchType = await client.SendRawAsync(HttpMethod.Patch, $"{Lines}/OPS", "{}", "text/plain");
        var badCharset = await SendBytesAsync(client, HttpMethod.Post, "/api/v1/knowledge-articles", "{}"u8.ToArray(), "application/json; charset=latin1");

        var details = new List<string?>();
        foreach (var response in new[] { wrongType, wrongPatchType, badCharset })
            details.Add((await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString());
        Assert.Single(details.Distinct());
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_property_name_or_a_value_is_400_saying_where()
    {
        using var client = factory.CreateAdminClient();
        // {"\xc3(":1}: 0xC3 starts a two-byte sequence that '(' does not continue; it is the 3rd byte of line 1.
        byte[] inName = [.. "{\""u8, 0xC3, .. "(\":1}"u8];
        byte[] inValue = [.. "{\n\"description\":\"a"u8, 0xFF, .. "\"}"u8];

        var name = await (await SendBytesAsync(client, HttpMethod.Patch, $"{Lines}/OPS", inName, "application/merge-patch+json"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        var value = await (await SendBytesAsync(client, HttpMethod.Patch, $"{Lines}/OPS", inValue, "application/merge-patch+json"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "body");

        Assert.Equal("The body is not valid UTF-8: an invalid byte sequence at line 1, position 3.", Message(name, "body"));
        Assert.Equal("The body is not valid UTF-8: an invalid byte sequence at line 2, position 17.", Message(value, "body"));
    }

    [Fact]
    public async Task A_property_given_twice_is_400_naming_it()
    {
        using var client = factory.CreateAdminClient();
        var patch = await client.PatchJsonAsync($"{Lines}/OPS", "{\"description\":\"a\",\"description\":\"b\"}");
        var nested = await client.PostJsonAsync("/api/v1/customers", "{\"code\":\"X\",\"name\":\"X\",\"contacts\":[{\"name\":\"a\",\"email\":\"a@b.c\",\"Email\":\"d@e.f\"}]}");

        Assert.Equal("'description' is given more than once.", Message(await patch.AssertProblemAsync(HttpStatusCode.BadRequest, "description"), "description"));
        await nested.AssertProblemAsync(HttpStatusCode.BadRequest, "contacts[0].Email");
    }

    [Fact]
    public async Task A_body_without_a_length_or_over_64_KB_is_checked_like_any_other()
    {
        // The guard reads a small body of declared length straight into an array, anything else through a buffer.
        using var client = factory.CreateAdminClient();
        var chunkedTwice = await SendChunkedAsync(client, $"{Lines}/OPS", "{\"description\":\"a\",\"description\":\"b\"}");
        var chunkedFine = await SendChunkedAsync(client, $"{Lines}/OPS", "{\"description\":\"Sent in chunks\"}");
        var large = await client.PatchJsonAsync($"{Lines}/OPS", "{\"description\":\"" + new string('x', 70_000) + "\",\"description\":\"b\"}");

        Assert.Equal("'description' is given more than once.", Message(await chunkedTwice.AssertProblemAsync(HttpStatusCode.BadRequest, "description"), "description"));
        Assert.Equal(HttpStatusCode.OK, chunkedFine.StatusCode);
        Assert.Equal("Sent in chunks", JsonDocument.Parse(await chunkedFine.Content.ReadAsStringAsync()).RootElement.GetProperty("description").GetString());
        await large.AssertProblemAsync(HttpStatusCode.BadRequest, "description");
    }

    [Fact]
    public async Task A_lone_surrogate_is_400_naming_the_field()
    {
        using var client = factory.CreateAdminClient();
        var response = await client.PatchJsonAsync($"{Lines}/OPS", "{\"description\":\"\\ud800\"}");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "description");
    }

    [Fact]
    public async Task A_NUL_character_in_a_body_or_a_query_filter_is_400_naming_where_on_every_provider()
    {
        using var client = factory.CreateAdminClient();
        var inBody = await client.PatchJsonAsync($"{Lines}/OPS", "{\"description\":\"a\\u0000b\"}");
        var inArray = await client.PostJsonAsync("/api/v1/knowledge-articles", "{\"title\":\"T\",\"body\":\"B\",\"tags\":[\"ok\",\"x\\u0000\"]}");
        var inFilter = await client.GetAsync("/api/v1/catalog/products?line=OPS%00");

        await inBody.AssertProblemAsync(HttpStatusCode.BadRequest, "description");
        await inArray.AssertProblemAsync(HttpStatusCode.BadRequest, "tags[1]");
        await inFilter.AssertProblemAsync(HttpStatusCode.BadRequest, "line");
    }

    [Fact]
    public async Task Malformed_JSON_is_400_saying_the_body_is_not_JSON_and_where()
    {
        using var client = factory.CreateAdminClient();
        var response = await client.PostJsonAsync("/api/v1/customers", "{\n  \"code\": \"X\",\n  \"name\": }");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        Assert.Equal("The body is not valid JSON: the error is at line 3, position 11.", Message(problem, "body"));
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task An_unknown_enum_value_is_400_listing_the_allowed_values()
    {
        using var client = factory.CreateAdminClient();
        var body = JsonSerializer.SerializeToNode(DeskDriver.Incident(Guid.NewGuid()), WebJson)!.AsObject();
        body["type"] = "outage";
        body["impact"] = "Enormous";

        var type = await (await client.PostJsonAsync("/api/v1/service-desk/tickets", body.ToJsonString())).AssertProblemAsync(HttpStatusCode.BadRequest, "type");
        Assert.Equal("'type' must be one of 'incident', 'serviceRequest', 'inquiry', 'changeRequest', 'complaint'.", Message(type, "type"));

        body["type"] = "incident";
        var impact = await (await client.PostJsonAsync("/api/v1/service-desk/tickets", body.ToJsonString())).AssertProblemAsync(HttpStatusCode.BadRequest, "impact");
        Assert.Equal("'impact' must be one of 'High', 'Medium', 'Low'.", Message(impact, "impact"));
    }

    [Fact]
    public async Task An_instant_without_an_offset_is_400_naming_the_field_in_a_body_and_in_a_query()
    {
        using var client = factory.CreateAdminClient();
        var customer = await new DeskDriver(factory).CustomerAsync("GOLD");
        var inBody = await client.PostJsonAsync($"/api/v1/customers/{customer}/agreements",
            new { serviceLevelCode = "GOLD", productLineCode = "OPS", validFrom = "2026-01-01T00:00:00" });
        var inQuery = await client.GetAsync("/api/v1/incidents?openedFrom=2026-01-01T00:00:00");
        var withOffset = await client.GetAsync("/api/v1/incidents?openedFrom=2026-01-01T08:00:00%2B08:00");

        Assert.Equal("'validFrom' must be an ISO-8601 instant with an offset, e.g. 2026-11-24T08:00:00Z.",
            Message(await inBody.AssertProblemAsync(HttpStatusCode.BadRequest, "validFrom"), "validFrom"));
        await inQuery.AssertProblemAsync(HttpStatusCode.BadRequest, "openedFrom");
        await withOffset.ReadJsonAsync();
    }

    [Fact]
    public async Task A_cursor_whose_instant_carries_a_non_UTC_offset_reads_the_same_page()
    {
        var customer = await new DeskDriver(factory).CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        for (var i = 0; i < 3; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer));
        }

        var url = $"/api/v1/incidents?customerId={customer}&limit=1";
        var cursor = (await (await agent.GetAsync(url)).ReadJsonAsync()).GetProperty("nextCursor").GetString()!;
        var key = JsonNode.Parse(Base64Url.DecodeFromChars(cursor))!.AsObject();
        var instant = key.Single(p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, out _));
        var shifted = DateTimeOffset.Parse(instant.Value!.GetValue<string>(), CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8));
        key[instant.Key] = shifted.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);
        var edited = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key.ToJsonString()));

        var expected = await (await agent.GetAsync($"{url}&cursor={cursor}")).ReadJsonAsync();
        var actual = await (await agent.GetAsync($"{url}&cursor={edited}")).ReadJsonAsync();
        Assert.Equal(expected.GetProperty("items")[0].GetProperty("number").GetString(), actual.GetProperty("items")[0].GetProperty("number").GetString());

        // A cursor text holding NUL is not one this list wrote.
        key[instant.Key] = shifted.ToString("O", CultureInfo.InvariantCulture);
        var withNul = key.DeepClone().AsObject();
        foreach (var property in key.Where(p => p.Key != instant.Key).ToList())
            withNul[property.Key] = "INC\u0000";
        var bad = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(withNul.ToJsonString()));
        await (await agent.GetAsync($"{url}&cursor={bad}")).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    private static string? Message(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString();

    /// <summary>A merge patch whose length is not declared: a stream content of unknown length goes chunked.</summary>
    private static async Task<HttpResponseMessage> SendChunkedAsync(HttpClient client, string url, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(json))) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/merge-patch+json");
        request.Headers.TransferEncodingChunked = true;
        Assert.Null(request.Content.Headers.ContentLength);
        return await client.SendAsync(request);
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    private static async Task<HttpResponseMessage> SendBytesAsync(HttpClient client, HttpMethod method, string url, byte[] body, string contentType)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await client.SendAsync(request);
    }
}
