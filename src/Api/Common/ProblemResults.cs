using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ServiceDesk.Api.Common;

/// <summary>Writes RFC 9457 problem details the same way from every place that reports an error.</summary>
public static class ProblemResults
{
    public static ProblemDetails Create(HttpContext context, int status, string title, string? detail, string? type = null, IDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = errors is null ? new ProblemDetails() : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = type ?? ProblemTypes.ForStatus(status);
        problem.Instance = context.Request.Path;
        problem.Extensions["traceId"] = TraceId(context);
        return problem;
    }

    /// <summary>
    /// The W3C trace id of the request (32 hex digits): the one its log lines carry in their scope (<c>TraceId</c>), the
    /// one a tracing backend finds its spans by, and the caller's own when it sent a <c>traceparent</c>.
    /// </summary>
    public static string TraceId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : context.TraceIdentifier;
    }

    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        context.Response.StatusCode = problem.Status ?? 500;
        await context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }
}
