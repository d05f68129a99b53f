using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Domain.Common;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Common;

/// <summary>The one exception-to-problem mapping: every error a client can see is decided here.</summary>
internal sealed class ExceptionToProblemHandler(ILogger<ExceptionToProblemHandler> logger, IConfiguration configuration) : IExceptionHandler
{
    /// <summary>
    /// Set in the test suite: a rule-named problem type the route does not declare becomes a 500, so a route whose
    /// OpenAPI description misses a type it returns fails its tests. Elsewhere it is a warning in the log.
    /// </summary>
    public const string RefuseUndeclaredSetting = "Problems:RefuseUndeclaredTypes";

    private readonly bool _refuseUndeclared = configuration.GetValue(RefuseUndeclaredSetting, false);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = CheckDeclared(httpContext, Map(httpContext, exception));
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.DatabaseUnavailable(exception, httpContext.Request.Method, httpContext.Request.Path, ProblemResults.TraceId(httpContext));
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }
        else if (problem.Status >= 500)
        {
            logger.UnhandledException(exception, httpContext.Request.Method, httpContext.Request.Path, ProblemResults.TraceId(httpContext));
        }

        await ProblemResults.WriteAsync(httpContext, problem);
        return true;
    }

    /// <summary>When a client should try again after the database was found unavailable.</summary>
    private const string RetryAfterSeconds = "5";

    private static ProblemDetails Map(HttpContext context, Exception exception) => exception switch
    {
        RequestValidationException e => Validation(context, e.Errors.ToDictionary()),
        DomainException { Kind: DomainErrorKind.Invalid } e =>
            Validation(context, new Dictionary<string, string[]> { [e.Field ?? "body"] = [e.Message] }),
        DomainException e => WithDetails(ProblemResults.Create(
            context,
            e.Kind == DomainErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            Title(e.Rule),
            e.Message,
            ProblemTypes.For(e.Rule),
            e.Field is null ? null : new Dictionary<string, string[]> { [e.Field] = [e.Message] }), e.Details),
        NotFoundException e => ProblemResults.Create(context, 404, "Not found", e.Message),
        PreconditionFailedException e => ProblemResults.Create(context, 412, "Precondition failed", e.Message),
        DbUpdateConcurrencyException => ProblemResults.Create(context, 412, "Precondition failed", "The resource was changed by someone else while this request ran; fetch it again and retry."),
        DuplicateKeyException => ProblemResults.Create(context, 409, "Conflict",
            "A record with the same key was created at the same moment by another request; read it, or retry with another key.", ProblemTypes.For("duplicate")),
        ConflictException e => ProblemResults.Create(context, 409, Title(e.Rule), e.Message, ProblemTypes.For(e.Rule),
            e.Field is null ? null : new Dictionary<string, string[]> { [e.Field] = [e.Message] }),
        BadHttpRequestException e => FromBadRequest(context, e),
        _ when DatabaseAvailability.IsUnavailable(exception) => ProblemResults.Create(context, 503, "Database unavailable",
            "The database is not reachable right now. Retry after the time in Retry-After; a create sent with an Idempotency-Key is safe to retry with the same key.",
            ProblemTypes.For(ProblemTypes.DatabaseUnavailable)),
        OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
            ProblemResults.Create(context, 499, "Client closed request", null),
        _ => ProblemResults.Create(context, 500, "An unexpected error occurred", "The error has been logged; quote the traceId when reporting it."),
    };

    /// <summary>A rule-named type must be one the route declares (<see cref="ProblemTypeDeclarations"/>).</summary>
    private ProblemDetails CheckDeclared(HttpContext context, ProblemDetails problem)
    {
        if (problem.Type is not { } type || !type.StartsWith(ProblemTypes.Base, StringComparison.Ordinal))
            return problem;
        var rule = type[ProblemTypes.Base.Length..];
        var status = problem.Status ?? 500;
        // The exception handler middleware clears the endpoint before handlers run; its feature keeps the one that threw.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        if (!ProblemTypes.Rules.ContainsKey(rule) || ProblemTypeDeclarations.Allows(endpoint, rule, status))
            return problem;

        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? string.Empty;
        logger.UndeclaredProblemType(rule, status, context.Request.Method, route);
        return _refuseUndeclared
            ? ProblemResults.Create(context, 500, "Undeclared problem type", $"{context.Request.Method} {route} answered {status} {rule}, which the route does not declare (.ProducesProblemTypes).")
            : problem;
    }

    /// <summary>The facts a rule reports (e.g. <c>conflicts</c>: the overlapping changes) become members of the problem.</summary>
    private static ProblemDetails WithDetails(ProblemDetails problem, IReadOnlyDictionary<string, object?>? details)
    {
        foreach (var (key, value) in details ?? new Dictionary<string, object?>())
            problem.Extensions[key] = value;
        return problem;
    }

    private static ProblemDetails Validation(HttpContext context, IDictionary<string, string[]> errors) =>
        ProblemResults.Create(context, 400, "One or more fields are invalid", "See 'errors' for the problem with each field.", ProblemTypes.For("validation"), errors);

    /// <summary>Binding failures from the framework: malformed JSON, wrong types, unreadable query values, wrong media type.</summary>
    private static ProblemDetails FromBadRequest(HttpContext context, BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return RequestGuard.UnsupportedMediaType(context);
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return ProblemResults.Create(context, 413, "Payload too large", e.Message);
        return Validation(context, BindingFailures.Describe(context, e));
    }

    private static string Title(string rule) =>
        string.Join(' ', rule.Split('-')) is var words && words.Length > 0 ? char.ToUpperInvariant(words[0]) + words[1..] : rule;
}
