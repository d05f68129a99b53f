using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;
using Xunit.Abstractions;

namespace ServiceDesk.Api.Tests.Conventions;

/// <summary>
/// Hostile input never gets a 5xx: every operation the served OpenAPI document lists (so routes added later are
/// covered without touching this test) gets generated bad requests (wrong types, nulls, missing fields, huge and
/// control-character strings, invalid UTF-8, duplicate keys, bad charsets, invalid GUIDs, dates and cursors, unknown
/// enum values, bad preconditions) from a fixed seed, as several callers; every answer is below 500 and every 4xx is
/// problem+json.
/// </summary>
public sealed class OpenApiFuzzTests(ServiceDeskApiFactory factory, ITestOutputHelper output) : IClassFixture<ServiceDeskApiFactory>
{
    private const ulong Seed = 20261202;
    private const int RequestsPerOperation = 24;

    private static readonly string[] BadStrings =
    [
        "", " ", "abc", "-1", "0", "1.5", "99999999999999999999", "NaN", "true", "null", "Bogus", "P9", "\0", "a\0b", "\u0001\u0007\u001b\u007f",
        "\ud800", "服务台", "<script>", "' OR 1=1 --", "../../etc", "not-a-guid", "00000000-0000-0000-0000-000000000000",
        "2026-02-30T00:00:00Z", "2026-01-01T00:00:00", "2026-01-01", "2026-01-01T00:00:00+08:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00",
        "eyJPcGVuZWRBdCI6IjIwMjYtMDEtMDFUMDA6MDA6MDArMDU6MDAiLCJOdW1iZXIiOiJJTkMwMDAwMDEifQ", "e30", "bnVsbA", "!!!", new string('x', 5000),
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json; charset=bogus-charset", "application/json; charset=\"\"", "application/json; charset=utf-16", "text/plain",
        "application/xml", "multipart/form-data; boundary=x", "application/merge-patch+json", "application/x-www-form-urlencoded",
    ];

    private static readonly string[] RawBodies =
    [
        "", "null", "[]", "{", "}", "\"text\"", "123", "{\"a\":1,\"a\":2}", "{\"a\":1,}", "/* c */ {}", "\uFEFF{}", "{\"\\ud800\":1}", "{\"x\":\"\\udc00\"}",
        new string('[', 300) + new string(']', 300), "{\"summary\":\"a\",\"summary\":\"b\"}", "{\"name\":\"a\\u0000\"}",
    ];

    [Fact]
    public async Task Generated_bad_requests_to_every_operation_get_no_5xx_and_problem_json_for_every_4xx()
    {
        var customer = await new DeskDriver(factory).CustomerAsync("GOLD");
        var keys = new List<string> { ServiceDeskApiFactory.AdminKey };
        foreach (var roles in new[] { new[] { "Agent" }, ["Manager"], ["ChangeApprover"] })
            keys.Add((await factory.CreateClientWithRolesAsync(null, roles)).Key);
        keys.Add((await factory.CreateClientWithRolesAsync(customer, "Customer")).Key);
        using (var agent = factory.CreateClient(keys[1]))
            await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer));

        using var anonymous = factory.CreateClient(apiKey: null);
        var document = JsonNode.Parse(await (await anonymous.GetAsync("/swagger/v1/swagger.json")).Content.ReadAsStringAsync())!.AsObject();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 100, $"the document lists {operations.Count} operations");

        string[] pathValues =
        [
            "OPS", "OPS-SD-01", "OPS-INF", "GOLD", "5X8-CN", "INC000001", "REQ000001", "CHG000001", "PRB000001", customer.ToString(), Guid.Empty.ToString(),
            Guid.NewGuid().ToString(), "not-a-guid", "a b", "x;y", "..", "服务台", new string('9', 2000), "-1", "1.5",
        ];

        // (NUL in a path is refused by the HTTP server itself, before the application: the test server cannot send it.)

        var failures = new ConcurrentBag<string>();
        var sent = 0;
        await Parallel.ForEachAsync(operations, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (operation, ct) =>
        {
            var pcg = new PCG(StableHash(operation.Method + " " + operation.Path), Seed);
            var clients = keys.Select(k => factory.CreateClient(k)).ToList();
            try
            {
                for (var i = 0; i < RequestsPerOperation; i++)
                {
                    using var request = Generate(pcg, operation, document, pathValues, out var what);
                    var client = clients[Pick(pcg, clients.Count)];
                    using var response = await client.SendAsync(request, ct);
                    Interlocked.Increment(ref sent);
                    var status = (int)response.StatusCode;
                    var mediaType = response.Content.Headers.ContentType?.MediaType;
                    if (status >= 500 || (status >= 400 && mediaType != "application/problem+json"))
                    {
                        var body = await response.Content.ReadAsStringAsync(ct);
                        failures.Add($"{operation.Method} {request.RequestUri} [{what}] -> {status} {mediaType}: {body[..Math.Min(300, body.Length)]}");
                    }
                }
            }
            finally
            {
                clients.ForEach(c => c.Dispose());
            }
        });

        output.WriteLine($"{sent} requests to {operations.Count} operations");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} answers broke the rules:\n" + string.Join('\n', failures.Take(40)));
    }

    private sealed record Operation(string Method, string Path, List<JsonObject> Parameters, JsonNode? BodySchema, string? BodyMediaType);

    private static IEnumerable<Operation> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, value) in item!.AsObject())
            {
                if (value is not JsonObject operation || method == "parameters")
                    continue;
                var parameters = (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                var content = operation["requestBody"]?["content"] as JsonObject;
                var media = content?.FirstOrDefault();
                yield return new Operation(method.ToUpperInvariant(), path, parameters, media?.Value?["schema"], media?.Key);
            }
        }
    }

    private static HttpRequestMessage Generate(PCG pcg, Operation operation, JsonObject document, string[] pathValues, out string what)
    {
        var kind = Pick(pcg, 6);
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var name = (string)parameter["name"]!;
            switch ((string?)parameter["in"])
            {
                case "path":
                    var value = kind == 0 ? Any(pcg, BadStrings).Replace("\0", string.Empty, StringComparison.Ordinal) : Any(pcg, pathValues);
                    path = path.Replace("{" + name + "}", Escape(value), StringComparison.Ordinal);
                    break;
                case "query" when kind == 1 || Pick(pcg, 3) == 0:
                    query.Add($"{Escape(name)}={Escape(Any(pcg, BadStrings))}");
                    break;
            }
        }

        var url = path + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
        what = kind switch { 0 => "path", 1 => "query", 2 => "field", 3 => "raw body", 4 => "content type", _ => "headers" };

        if (kind == 5 || Pick(pcg, 4) == 0)
        {
            request.Headers.TryAddWithoutValidation("If-Match", Any(pcg, ["\"1\"", "garbage", "*", "\"999\"", "W/\"1\""]));
            request.Headers.TryAddWithoutValidation("If-None-Match", Any(pcg, ["\"1\"", "*", "x"]));
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Any(pcg, ["k-1", new string('k', 300), "k\u0001", " "]));
        }

        if (operation.BodySchema is not null || kind is 3 or 4)
        {
            byte[] body;
            var mediaType = operation.BodyMediaType ?? "application/json";
            switch (kind)
            {
                case 3:
                    body = Pick(pcg, 4) == 0 ? [.. "{\"name\":\""u8, 0xC3, 0x28, .. "\"}"u8] : Encoding.UTF8.GetBytes(Any(pcg, RawBodies));
                    break;
                case 4:
                    mediaType = Any(pcg, ContentTypes);
                    body = Encoding.UTF8.GetBytes(Sample(operation.BodySchema, document, 0)?.ToJsonString() ?? "{}");
                    break;
                default:
                    var sample = Sample(operation.BodySchema, document, 0);
                    if (kind == 2 && sample is JsonObject fields && fields.Count > 0)
                        Mutate(pcg, fields);
                    body = Encoding.UTF8.GetBytes(sample?.ToJsonString() ?? "{}");
                    break;
            }

            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        }

        return request;
    }

    /// <summary>One field (maybe nested) replaced by a bad value or removed.</summary>
    private static void Mutate(PCG pcg, JsonObject target)
    {
        var key = target.Select(p => p.Key).ElementAt(Pick(pcg, target.Count));
        if (target[key] is JsonObject nested && nested.Count > 0 && Pick(pcg, 2) == 0)
        {
            Mutate(pcg, nested);
            return;
        }

        if (target[key] is JsonArray { Count: > 0 } array && array[0] is JsonObject element && element.Count > 0 && Pick(pcg, 2) == 0)
        {
            Mutate(pcg, element);
            return;
        }

        switch (Pick(pcg, 8))
        {
            case 0:
                target.Remove(key);
                break;
            case 1:
                target[key] = null;
                break;
            case 2:
                target[key] = JsonValue.Create(Any(pcg, [12345d, -1d, 1e308, 0.5, 2147483648d]));
                break;
            case 3:
                target[key] = Pick(pcg, 2) == 0 ? new JsonArray("x", 1) : new JsonObject { ["x"] = 1 };
                break;
            case 4:
                target[key] = new string('A', 100_000);
                break;
            case 5:
                target[key] = JsonValue.Create(true);
                break;
            default:
                target[key] = Any(pcg, BadStrings);
                break;
        }
    }

    /// <summary>A plausible value for a schema: every property, the first enum value, a real-looking GUID and instant.</summary>
    private static JsonNode? Sample(JsonNode? schema, JsonObject document, int depth)
    {
        if (schema is not JsonObject s || depth > 6)
            return null;
        if ((string?)s["$ref"] is { } reference)
            return Sample(document["components"]!["schemas"]![reference.Split('/')[^1]], document, depth + 1);
        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (s[combinator] is JsonArray { Count: > 0 } options)
                return Sample(options[0], document, depth + 1);
        }

        if (s["enum"] is JsonArray { Count: > 0 } values)
            return values[0]?.DeepClone();
        var type = s["type"] is JsonArray types ? (string?)types.FirstOrDefault(t => (string?)t != "null") : (string?)s["type"];
        return type switch
        {
            "string" => (string?)s["format"] switch
            {
                "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                "date-time" => JsonValue.Create("2026-12-01T00:00:00Z"),
                "date" => JsonValue.Create("2026-12-01"),
                "email" => JsonValue.Create("a@example.com"),
                _ => JsonValue.Create("x"),
            },
            "integer" or "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(true),
            "array" => new JsonArray(Sample(s["items"], document, depth + 1)),
            _ when s["properties"] is JsonObject properties =>
                new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, Sample(p.Value, document, depth + 1)))),
            _ => null,
        };
    }

    /// <summary>Percent-encoded as UTF-8; a lone surrogate becomes its (invalid) three-byte encoding.</summary>
    private static string Escape(string value) =>
        string.Concat(value.Select(c => char.IsSurrogate(c) ? "%ED%A0%80" : Uri.EscapeDataString(new string(c, 1))));

    private static int Pick(PCG pcg, int count) => Gen.Int[0, count - 1].Generate(pcg, null, out _);

    private static T Any<T>(PCG pcg, T[] values) => values[Pick(pcg, values.Length)];

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
