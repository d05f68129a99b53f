namespace ServiceDesk.Api.Common;

/// <summary>Every log line the Api writes, source-generated: no formatting or boxing unless the level is on.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path} (traceId {TraceId})")]
    public static partial void UnhandledException(this ILogger logger, Exception exception, string method, PathString path, string traceId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Database unavailable on {Method} {Path}: answered 503 (traceId {TraceId})")]
    public static partial void DatabaseUnavailable(this ILogger logger, Exception exception, string method, PathString path, string traceId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "{Method} {Route} answered {Status} {Rule}, a problem type the route does not declare: add it to its .ProducesProblemTypes")]
    public static partial void UndeclaredProblemType(this ILogger logger, string rule, int status, string method, string route);
}
