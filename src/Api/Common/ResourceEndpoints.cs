using System.Text.Json.Nodes;
using Mediator;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;

namespace ServiceDesk.Api.Common;

/// <summary>
/// The shapes every resource with a state machine or writable fields shares, mapped once: a state-changing action
/// (<c>POST /{number}/{action}</c>, conditional on If-Match) and a JSON merge patch. Callers add the policy, the
/// operation name and the summary.
/// </summary>
public static class ResourceEndpoints
{
    /// <summary><c>POST /{number}/{action}</c> without a body: 200 with the new ETag.</summary>
    public static RouteHandlerBuilder MapAction<TResponse>(this RouteGroupBuilder group, string action, Func<string, string?, ICommand<TResponse>> command)
        where TResponse : IHasETag =>
        group.MapPost("/{number}/" + action, async (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(command(number, http.Request.IfMatch()), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary><c>POST /{number}/{action}</c> with a JSON body: 200 with the new ETag.</summary>
    public static RouteHandlerBuilder MapAction<TBody, TResponse>(this RouteGroupBuilder group, string action, Func<string, TBody, string?, ICommand<TResponse>> command)
        where TBody : notnull
        where TResponse : IHasETag =>
        group.MapPost("/{number}/" + action, async (string number, TBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(command(number, body, http.Request.IfMatch()), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>
    /// <c>PATCH {pattern}</c> with a JSON merge patch (RFC 7396): the patch is applied to the resource as read, and the
    /// result is sent as the full update, conditional on the caller's If-Match, or on the version just read when it
    /// sent none. In that case a write landing in between is not the caller's 412: the resource is read again and the
    /// patch applied to it again, a few times, before it becomes a 409 <c>write-contention</c>.
    /// <paramref name="pattern"/> has one route parameter, the resource's key.
    /// </summary>
    /// <param name="adjust">Rewrites the patch before it is applied, where one field implies another.</param>
    public static RouteHandlerBuilder MapMergePatch<TResponse, TBody>(this RouteGroupBuilder group, string pattern, Func<string, IQuery<TResponse>> get,
        Func<string, TBody, string, ICommand<TResponse>> update, Action<JsonObject>? adjust = null)
        where TBody : notnull
        where TResponse : IHasETag
    {
        var key = RoutePatternFactory.Parse(pattern).Parameters.Single().Name;
        return group.MapPatch(pattern, async (ISender sender, MergePatch merge, HttpContext http, CancellationToken ct) =>
            {
                var id = (string)http.Request.RouteValues[key]!;
                var patch = await MergePatch.ReadAsync(http.Request, ct);
                adjust?.Invoke(patch);
                var ifMatch = http.Request.IfMatch();
                for (var attempt = 1; ; attempt++)
                {
                    var current = await sender.Send(get(id), ct);
                    var body = merge.Apply<TResponse, TBody>(current, patch);
                    try
                    {
                        return HttpResults.Updated(http, await sender.Send(update(id, body, ifMatch ?? current.ETag), ct));
                    }
                    catch (Exception e) when (ifMatch is null && e is PreconditionFailedException or DbUpdateConcurrencyException)
                    {
                        if (attempt == ConflictException.WriteAttempts)
                            throw ConflictException.WriteContention(e);
                        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50 * attempt)), ct);
                    }
                }
            })
            .Accepts<TBody>("application/merge-patch+json", "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
