using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using ServiceDesk.Application.Common;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ServiceDesk.Api.Common.Swagger;

/// <summary>
/// What every operation tells a client, decided once from the endpoint's metadata (so routes added later get it too):
/// the request headers it takes (<c>Idempotency-Key</c> on endpoints mapped <c>.Idempotent()</c>, <c>If-Match</c> on
/// writes that answer 412, <c>If-None-Match</c> on reads of a resource with an ETag), the response headers it gives
/// (<c>ETag</c>, <c>Location</c> on 201, <c>Retry-After</c> on 429 and 503), and a description that says who may call it
/// and which rule-named problem types it can return.
/// </summary>
internal sealed class ContractOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var method = context.ApiDescription.HttpMethod ?? string.Empty;
        operation.Responses ??= [];

        if (metadata.OfType<IdempotentMetadata>().Any())
            AddHeader(operation, IdempotencyFilter.HeaderName, "A key of your choice (at most 200 characters): a retry with the same key and body gets the first answer "
                + "(same status, body, Location, ETag); the same key with another body is a 422 idempotency-key-reused.", maxLength: 200);
        if (operation.Responses.ContainsKey("412"))
            AddHeader(operation, "If-Match", "The ETag you read: the write happens only if the resource is still at that version (else 412).");

        var tagged = SuccessTypes(metadata).Any(t => typeof(IHasETag).IsAssignableFrom(t));
        if (tagged && HttpMethods.IsGet(method))
        {
            AddHeader(operation, "If-None-Match", "An ETag you hold: 304 without a body when the resource is still at that version.");
            operation.Responses.TryAdd("304", new OpenApiResponse { Description = "Not modified: your copy (If-None-Match) is current." });
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
                continue;
            if (tagged && status is "200" or "201")
                Header(concrete, "ETag", "The version of the resource in this response; send it as If-Match to write, or If-None-Match to re-read.");
            if (status == "201")
                Header(concrete, "Location", "Where the new resource is read.");
            if (status is "429" or "503")
                Header(concrete, "Retry-After", "Seconds to wait before trying again.", JsonSchemaType.Integer);
        }

        var who = Callers(metadata);
        var statuses = string.Join(", ", operation.Responses.Keys.Where(k => k.StartsWith('4') || k.StartsWith('5')).Order(StringComparer.Ordinal));
        var description = operation.Description;
        if (string.IsNullOrWhiteSpace(description))
            description = operation.Summary is { Length: > 0 } summary ? summary.TrimEnd('.') + "." : string.Empty;
        operation.Description = $"{description}\n\nWho may call it: {who}. Errors (problem+json): {statuses}.{RuleNamedTypes(metadata)}".TrimStart();
    }

    /// <summary>The rule-named problem types the route declares, each with its status and what it means.</summary>
    private static string RuleNamedTypes(IList<object> metadata)
    {
        var declared = ProblemTypeDeclarations.Declared(metadata.ToList())
            .GroupBy(d => d.Rule, d => d.Status)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"\n- `{g.Key}` ({string.Join("/", g)}): {ProblemTypes.Rules[g.Key].Meaning}")
            .ToList();
        return declared.Count == 0 ? string.Empty : $"\n\nRule-named problem types (type = {ProblemTypes.Base}<name>):{string.Concat(declared)}";
    }

    private static IEnumerable<Type> SuccessTypes(IList<object> metadata) =>
        metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.StatusCode is >= 200 and < 300 && p.Type is not null).Select(p => p.Type!);

    /// <summary>The roles the endpoint's policies admit (every policy must pass, so the intersection).</summary>
    private static string Callers(IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
            return "anyone, no credentials needed";
        IEnumerable<string>? roles = null;
        foreach (var policy in metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>())
        {
            if (Security.Policies.RolesByPolicy.TryGetValue(policy, out var admitted))
                roles = roles is null ? admitted : roles.Intersect(admitted, StringComparer.Ordinal);
        }

        return roles is null ? "any authenticated caller" : string.Join(", ", roles);
    }

    private static void AddHeader(OpenApiOperation operation, string name, string description, int? maxLength = null)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            return;
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength },
        });
    }

    private static void Header(OpenApiResponse response, string name, string description, JsonSchemaType type = JsonSchemaType.String)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        response.Headers.TryAdd(name, new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = type } });
    }
}
