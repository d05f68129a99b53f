using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ServiceDesk.Api.Common.Swagger;

/// <summary>
/// Documents the error responses every route can give (400, 401, 403, 429, 500, 503 as problem+json), so the document
/// lists each status the server really returns without every endpoint repeating them; and, on the statuses of the
/// rule-named problem types the route declares (<see cref="ProblemTypeDeclarations"/>), which types those are.
/// </summary>
internal sealed class ProblemResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();

        Add(operation, context, "400", "Invalid input: malformed JSON, a missing or bad field (named in errors).");
        if (!anonymous)
        {
            Add(operation, context, "401", "No credentials, or an unknown or revoked key.");
            if (metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) && a.Policy != Security.Policies.Authenticated))
                Add(operation, context, "403", "The caller's roles do not allow this operation.");
        }

        Add(operation, context, "429", "Too many requests from this caller; see Retry-After.");
        Add(operation, context, "500", "Unexpected error (no details; quote the traceId).");
        Add(operation, context, "503", $"The database is unreachable ({ProblemTypes.DatabaseUnavailable}); see Retry-After.");

        foreach (var byStatus in ProblemTypeDeclarations.Declared(metadata.ToList()).GroupBy(d => d.Status).OrderBy(g => g.Key))
        {
            var status = byStatus.Key.ToString(CultureInfo.InvariantCulture);
            Add(operation, context, status, ReasonPhrases.GetReasonPhrase(byStatus.Key));
            var response = (OpenApiResponse)operation.Responses[status];
            response.Description = $"{response.Description}. type is one of: {string.Join(", ", byStatus.Select(d => d.Rule).Order(StringComparer.Ordinal))}.";
        }
    }

    private static void Add(OpenApiOperation operation, OperationFilterContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
            return;
        var schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = schema },
            },
        };
    }
}
