using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using ServiceDesk.Application.Common;

namespace ServiceDesk.Api.Common;

/// <summary>Status codes and ETags for single resources, decided once for every endpoint.</summary>
public static class HttpResults
{
    /// <summary>200 with the ETag, or 304 when the client's If-None-Match already has this version.</summary>
    public static Results<Ok<T>, NotModified> Resource<T>(HttpContext context, T resource)
        where T : IHasETag
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.ETag = resource.ETag;
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        if (!string.IsNullOrEmpty(ifNoneMatch) && ETags.Matches(ifNoneMatch, resource.ETag))
            return NotModified.Instance;
        return TypedResults.Ok(resource);
    }

    /// <summary>200 after a write, with the new ETag.</summary>
    public static Ok<T> Updated<T>(HttpContext context, T resource)
        where T : IHasETag
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.ETag = resource.ETag;
        return TypedResults.Ok(resource);
    }

    /// <summary>201 with Location and ETag.</summary>
    public static Created<T> Created<T>(HttpContext context, string location, T resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (resource is IHasETag tagged)
            context.Response.Headers.ETag = tagged.ETag;
        return TypedResults.Created(location, resource);
    }

    /// <summary>The If-Match header, or null when the client sent none (an unconditional write).</summary>
    public static string? IfMatch(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers[HeaderNames.IfMatch].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
