using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ServiceDesk.Api.Common.Swagger;

/// <summary>
/// Routes that answer CSV on <c>Accept: text/csv</c> (<see cref="CsvResponseMetadata"/>) list <c>text/csv</c> beside the
/// JSON body of their 200, with a sample of the header row.
/// </summary>
internal sealed class CsvResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<CsvResponseMetadata>().Any()
            || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response)
        {
            return;
        }

        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        response.Content[Csv.MediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "RFC 4180, UTF-8 with a byte-order mark: one header row with the JSON field names, then one row per group or item.",
            },
        };
        response.Description = (response.Description ?? "OK") + " As CSV when the request sends Accept: text/csv.";
    }
}
