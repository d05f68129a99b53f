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
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        return problem;
    }

    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        context.Response.StatusCode = problem.Status ?? 500;
        await context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }
}
