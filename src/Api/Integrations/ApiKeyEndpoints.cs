using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Integrations.Commands;
using ServiceDesk.Application.Integrations.Queries;

namespace ServiceDesk.Api.Integrations;

/// <summary>API keys (Admin): the secret is shown once at creation, stored hashed, and a revocation works at once.</summary>
public static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("Integrations").RequireAuthorization(Policies.Admin);

        keys.MapGet("/", async (int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListApiKeysQuery(new PageRequest(limit, cursor)), ct)))
            .WithName("ListApiKeys").WithSummary("List API keys (never their secrets)");

        keys.MapPost("/", async (CreateApiKeyCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var key = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/api-keys/{key.Id}", key);
            })
            .Idempotent()
            .WithName("CreateApiKey").WithSummary("Issue an API key; the secret is in this response only")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        keys.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetApiKeyQuery(id), ct)))
            .WithName("GetApiKey").WithSummary("One API key (never its secret)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        keys.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RevokeApiKeyCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeApiKey").WithSummary("Revoke an API key (effective immediately)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
