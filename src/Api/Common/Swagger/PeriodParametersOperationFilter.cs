using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ServiceDesk.Api.Common.Swagger;

/// <summary>Describes the period and grouping query parameters of the reports and the breach list, with examples.</summary>
internal sealed class PeriodParametersOperationFilter : IOperationFilter
{
    private static readonly Dictionary<string, (string Description, string Example, bool Required)> Known = new(StringComparer.Ordinal)
    {
        ["from"] = ("Start of the period (included), an instant with its offset.", "2026-11-01T00:00:00Z", true),
        ["to"] = ("End of the period (excluded); after from, at most 400 days later.", "2026-12-01T00:00:00Z", true),
        ["groupBy"] = ("productLine, customer, serviceLevel or priority.", "productLine", true),
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var path = context.ApiDescription.RelativePath ?? string.Empty;
        if (!path.Contains("api/v1/reports/", StringComparison.Ordinal) && !path.Contains("api/v1/sla/", StringComparison.Ordinal))
            return;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In != ParameterLocation.Query || parameter.Name is null || !Known.TryGetValue(parameter.Name, out var known))
                continue;
            parameter.Description = known.Description;
            parameter.Example = JsonValue.Create(known.Example);
            parameter.Required = known.Required;
        }
    }
}
