using System.Diagnostics;

namespace ServiceDesk.Application.Common.Observability;

/// <summary>
/// The product's own trace spans (background work that no request starts, such as an SLA monitor pass), so their
/// database calls and log lines share a trace id like a request's do.
/// </summary>
public static class ServiceDeskActivities
{
    public const string SourceName = "ServiceDesk";

    public static ActivitySource Source { get; } = new(SourceName);
}
