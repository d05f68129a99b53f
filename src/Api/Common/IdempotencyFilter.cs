using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Api.Common;

/// <summary>The convention every creating POST follows: <c>.Idempotent()</c> on its mapping.</summary>
public static class IdempotentEndpoints
{
    /// <summary>
    /// The POST honours <c>Idempotency-Key</c> (see <see cref="IdempotencyFilter"/>); the OpenAPI document lists the
    /// header on it (the endpoint carries <see cref="IdempotentMetadata"/>).
    /// </summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyFilter>().WithMetadata(IdempotentMetadata.Instance)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

/// <summary>Marks an endpoint that honours <c>Idempotency-Key</c>.</summary>
public sealed class IdempotentMetadata
{
    public static readonly IdempotentMetadata Instance = new();

    private IdempotentMetadata()
    {
    }
}

/// <summary>
/// <c>Idempotency-Key</c> on creating POSTs: a retry with the same key and body gets the first answer (same
/// status, same body, same Location); the same key with another body is refused (422). Keys are per caller and
/// stored in the database, so they hold across restarts and instances.
/// </summary>
internal sealed class IdempotencyFilter(IIdempotencyStore store, ICurrentUser user, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(10);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key))
            return await next(context);
        if (key.Length > 200)
            throw DomainException.Invalid(HeaderName, $"'{HeaderName}' must be at most 200 characters.");

        var options = json.Value.SerializerOptions;
        var body = context.Arguments.FirstOrDefault(a => a is not null && a.GetType().IsClass && a is not HttpContext && a.GetType().Namespace?.StartsWith("ServiceDesk", StringComparison.Ordinal) == true);
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(
            new { http.Request.Method, Path = http.Request.Path.Value, Body = body }, options)));

        var ct = http.RequestAborted;
        var claim = await store.ClaimAsync(user.Id, key, hash, ct);
        var waited = TimeSpan.Zero;
        while (!claim.Claimed && claim.SameRequest && claim.StatusCode is null && waited < WaitForFirst)
        {
            // The first request with this key is still running: wait for its answer rather than do the work twice.
            await Task.Delay(100, ct);
            waited += TimeSpan.FromMilliseconds(100);
            claim = await store.ClaimAsync(user.Id, key, hash, ct);
        }

        if (!claim.Claimed)
        {
            if (!claim.SameRequest)
                throw new DomainException(RuleNames.IdempotencyKeyReused, $"The {HeaderName} '{key}' was already used with a different request.", DomainErrorKind.Unprocessable, HeaderName);
            if (claim.StatusCode is not { } status)
                throw new DomainException(RuleNames.IdempotencyInProgress, $"A request with {HeaderName} '{key}' is still being processed; retry shortly.", DomainErrorKind.Conflict, HeaderName);
            if (claim.Location is not null)
                http.Response.Headers.Location = claim.Location;
            if (claim.ETag is not null)
                http.Response.Headers.ETag = claim.ETag;
            http.Response.Headers["Idempotent-Replayed"] = "true";
            return Results.Text(claim.Body ?? string.Empty, "application/json", statusCode: status);
        }

        try
        {
            var result = await next(context);
            if (result is IValueHttpResult { Value: var value } and IStatusCodeHttpResult { StatusCode: { } code } && code < 300)
            {
                var stored = value is IHasSecret secret ? secret.WithoutSecret() : value;
                var etag = http.Response.Headers.ETag.ToString();
                await store.CompleteAsync(user.Id, key, new IdempotentAnswer(code, JsonSerializer.Serialize(stored, stored?.GetType() ?? typeof(object), options),
                    ResultLocation(result), string.IsNullOrEmpty(etag) ? null : etag), CancellationToken.None);
            }
            else
            {
                await store.ReleaseAsync(user.Id, key, CancellationToken.None);
            }

            return result;
        }
        catch
        {
            await store.ReleaseAsync(user.Id, key, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The Location of a Created result (its type is generic over the body).</summary>
    private static string? ResultLocation(object? result) =>
        result?.GetType().GetProperty("Location")?.GetValue(result) as string;
}
