using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Integrations;

/// <summary>The event types a webhook can subscribe to, as subscribers see them in <c>type</c>.</summary>
public static class WebhookEvents
{
    /// <summary>A test delivery to one subscription (<c>POST /webhooks/{id}/ping</c>); not subscribable.</summary>
    public const string Ping = "ping";

    public static readonly IReadOnlyList<string> All =
    [
        "ticket.created", "ticket.updated", "ticket.resolved", "sla.warning", "sla.breached",
        "change.approved", "change.scheduled", "problem.updated", "knowledge.published",
    ];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}

/// <summary>A ping asked for by an operator: its <see cref="DomainEvent.Number"/> is the id of the one subscription it goes to.</summary>
public sealed record WebhookPinged(string Number, DateTimeOffset OccurredAt, string Url) : DomainEvent(Number, OccurredAt)
{
    public override string EventType => WebhookEvents.Ping;
}
