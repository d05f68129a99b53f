using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ServiceDesk.Api.Common.Swagger;

/// <summary>
/// Document-wide parts of the contract: every tag an operation uses is declared, and the problem schema lists
/// <c>errors</c> (field -> messages, on 400s) and <c>traceId</c> (on every problem), as the server writes them.
/// </summary>
internal sealed class ContractDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        var used = swaggerDoc.Paths.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        swaggerDoc.Tags ??= new HashSet<OpenApiTag>();
        foreach (var name in used)
        {
            if (swaggerDoc.Tags.All(t => t.Name != name))
                swaggerDoc.Tags.Add(new OpenApiTag { Name = name, Description = $"{name} routes." });
        }
    }
}

/// <summary>Adds <c>errors</c> and <c>traceId</c> to the problem details schema.</summary>
internal sealed class ProblemSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || context.Type is null || !typeof(ProblemDetails).IsAssignableFrom(context.Type))
            return;
        concrete.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        concrete.Properties.TryAdd("errors", new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Bad input (400): each field as sent (contact.email, limit) with its messages.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        });
        concrete.Properties.TryAdd("traceId", new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Identifies the request in the server's logs; quote it when reporting a problem.",
        });
    }
}
