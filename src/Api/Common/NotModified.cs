using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace ServiceDesk.Api.Common;

/// <summary>304 Not Modified, without a body; documents itself in the endpoint metadata, like the typed results of
/// <see cref="TypedResults"/>, so a route that can answer 304 needs no hand-written <c>.Produces(304)</c>.</summary>
public sealed class NotModified : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public static NotModified Instance { get; } = new();

    private NotModified()
    {
    }

    public int StatusCode => StatusCodes.Status304NotModified;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCode;
        return Task.CompletedTask;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}
