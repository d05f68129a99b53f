using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Application.Integrations;

/// <summary>A webhook subscription as listed and read: never its secret.</summary>
/// <param name="Id" example="019ad1f0-2c4e-7a10-9f00-5b3c0e6a1d20">Its id.</param>
/// <param name="Url" example="https://hooks.example.com/servicedesk">Where deliveries are POSTed.</param>
/// <param name="Events">The event types delivered.</param>
/// <param name="CustomerId">Only this customer's events (null: every customer's).</param>
/// <param name="Active">Whether deliveries are made.</param>
/// <param name="DeactivatedAt">When it was switched off, if it is.</param>
/// <param name="DeactivationReason" example="Every delivery failed from 2026-11-24T01:00:00Z for 24 hours; last error: 503 Service Unavailable">Why it is off.</param>
/// <param name="PreviousSecretValidUntil">After a rotation: until when the previous secret still signs (both signatures are sent).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record WebhookResponse(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    Guid? CustomerId,
    bool Active,
    DateTimeOffset? DeactivatedAt,
    string? DeactivationReason,
    DateTimeOffset? PreviousSecretValidUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : VersionedResponse;

/// <summary>A new subscription: <c>secret</c> is shown in this response only.</summary>
/// <param name="Id" example="019ad1f0-2c4e-7a10-9f00-5b3c0e6a1d20">Its id.</param>
/// <param name="Url" example="https://hooks.example.com/servicedesk">Where deliveries are POSTed.</param>
/// <param name="Events">The event types delivered.</param>
/// <param name="CustomerId">Only this customer's events (null: every customer's).</param>
/// <param name="Active">True.</param>
/// <param name="Secret" example="whsec_4f1c...">The HMAC-SHA256 key deliveries are signed with. Store it now: it cannot be read back.</param>
public sealed record CreatedWebhookResponse(string Id, string Url, IReadOnlyList<string> Events, Guid? CustomerId, bool Active, string Secret) : VersionedResponse;

/// <summary>A rotated secret: shown in this response only; the previous one signs alongside it until <c>previousSecretValidUntil</c>.</summary>
/// <param name="Id">The subscription's id.</param>
/// <param name="Secret" example="whsec_9a02...">The new signing secret.</param>
/// <param name="PreviousSecretValidUntil">Until when deliveries also carry a signature made with the previous secret.</param>
public sealed record WebhookSecretResponse(string Id, string Secret, DateTimeOffset PreviousSecretValidUntil) : VersionedResponse;

/// <summary>One event's delivery to a subscription.</summary>
/// <param name="Id">The delivery's id (for a retry).</param>
/// <param name="EventId">The event's id: <c>X-ServiceDesk-Delivery</c> and the body's <c>id</c>.</param>
/// <param name="EventType" example="ticket.created">The event type.</param>
/// <param name="EventNumber" example="INC000042">What it is about.</param>
/// <param name="Status" example="Pending">Pending, Delivered or Failed.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="LastAttemptAt">When the last attempt was made.</param>
/// <param name="LastStatusCode" example="503">The receiver's last HTTP status (null when there was no answer).</param>
/// <param name="LastError" example="503 Service Unavailable">What went wrong last.</param>
/// <param name="NextAttemptAt">When the next attempt is due (Pending only).</param>
/// <param name="DeliveredAt">When the receiver accepted it.</param>
/// <param name="CreatedAt">When the delivery was created.</param>
public sealed record WebhookDeliveryResponse(
    Guid Id,
    Guid EventId,
    string EventType,
    string EventNumber,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset CreatedAt) : VersionedResponse;

internal static class WebhookMappings
{
    public static WebhookResponse ToResponse(this WebhookSubscription s) =>
        new(s.Id, s.Url, s.Events, s.CustomerId, s.Active, s.DeactivatedAt, s.DeactivationReason, s.PreviousSecretValidUntil, s.CreatedAt, s.UpdatedAt)
        {
            Version = s.Version,
        };

    public static IQueryable<WebhookResponse> ProjectToResponse(this IQueryable<WebhookSubscription> subscriptions) =>
        subscriptions.Select(s => new WebhookResponse(s.Id, s.Url, s.Events, s.CustomerId, s.Active, s.DeactivatedAt, s.DeactivationReason, s.PreviousSecretValidUntil, s.CreatedAt, s.UpdatedAt)
        {
            Version = s.Version,
        });

    public static WebhookDeliveryResponse ToResponse(this WebhookDelivery d) =>
        new(d.Id, d.EventId, d.EventType, d.EventNumber, d.Status, d.Attempts, d.LastAttemptAt, d.LastStatusCode, d.LastError, d.NextAttemptAt, d.DeliveredAt, d.CreatedAt)
        {
            Version = d.Version,
        };

    public static IQueryable<WebhookDeliveryResponse> ProjectToResponse(this IQueryable<WebhookDelivery> deliveries) =>
        deliveries.Select(d => new WebhookDeliveryResponse(d.Id, d.EventId, d.EventType, d.EventNumber, d.Status, d.Attempts, d.LastAttemptAt, d.LastStatusCode, d.LastError, d.NextAttemptAt, d.DeliveredAt, d.CreatedAt)
        {
            Version = d.Version,
        });
}
