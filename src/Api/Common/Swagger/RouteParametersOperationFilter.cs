using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ServiceDesk.Api.Common.Swagger;

/// <summary>
/// Documents every route parameter of the template as a required string path parameter, including those a shared
/// handler reads from the route values rather than binding (<see cref="ResourceEndpoints.MapMergePatch{TResponse, TBody}"/>).
/// </summary>
internal sealed class RouteParametersOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var template = context.ApiDescription.RelativePath ?? string.Empty;
        var documented = operation.Parameters?.Where(p => p.In == ParameterLocation.Path).Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var segment in template.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')))
        {
            var name = segment[1..^1].Split(':', '=', '?')[0];
            if (documented.Contains(name))
                continue;
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }
}
