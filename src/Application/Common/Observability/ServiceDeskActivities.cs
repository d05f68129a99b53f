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

    /// <summary>
    /// A new trace for a piece of background work: a span of <see cref="Source"/> when something records traces,
    /// else a bare activity, so that the work's log lines carry a trace id all the same.
    /// </summary>
    public static Activity StartBackgroundWork(string name)
    {
        var previous = Activity.Current;
        Activity.Current = null; // its own trace, not the caller's
        try
        {
            return Source.StartActivity(name) ?? new Activity(name).Start();
        }
        finally
        {
            if (Activity.Current is null)
                Activity.Current = previous;
        }
    }
}
