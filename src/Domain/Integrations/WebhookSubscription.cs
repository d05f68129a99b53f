using System.Net;
using System.Security.Cryptography;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Integrations;

/// <summary>
/// Where an integration wants to hear about events: an http(s) URL, the event types it wants, optionally one
/// customer's events only. Deliveries are signed with its secret (HMAC-SHA256); after a rotation the previous secret
/// keeps signing alongside the new one for <see cref="RotationOverlap"/>. A subscription can be switched off by an
/// administrator, and is switched off by the dispatcher when every delivery has failed for <see cref="FailureWindow"/>;
/// the reason is kept on it.
/// </summary>
public sealed class WebhookSubscription : Entity, IHasDomainEvents
{
    public const int UrlMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const string SecretPrefix = "whsec_";

    /// <summary>How long the previous secret keeps signing after a rotation.</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    /// <summary>A subscription whose deliveries have all failed for this long is deactivated.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromHours(24);

    private readonly List<DomainEvent> _events = [];

    private WebhookSubscription()
    {
        Id = Url = Secret = string.Empty;
    }

    private WebhookSubscription(string id, Guid? customerId, string secret, DateTimeOffset now)
    {
        Id = id;
        Url = string.Empty;
        CustomerId = customerId;
        Secret = secret;
        Active = true;
        CreatedAt = UpdatedAt = now;
    }

    /// <summary>
    /// A GUID in its canonical text form: a string key lets lists page on (created, id) the same way on every provider
    /// (databases sort GUID columns differently).
    /// </summary>
    public string Id { get; private set; }

    public string Url { get; private set; }

    /// <summary>The event types delivered (distinct, in the order of <see cref="WebhookEvents.All"/>).</summary>
    public IReadOnlyList<string> Events { get; private set; } = [];

    /// <summary>Only this customer's events (events about no customer, such as a global change, go to every subscription).</summary>
    public Guid? CustomerId { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset? DeactivatedAt { get; private set; }

    /// <summary>Why it is inactive: switched off by an administrator, or every delivery failed for a day.</summary>
    public string? DeactivationReason { get; private set; }

    /// <summary>The signing secret, kept as is: an HMAC needs the key itself (see the README, "Webhooks").</summary>
    public string Secret { get; private set; }

    /// <summary>The secret before the last rotation, still signing until <see cref="PreviousSecretValidUntil"/>.</summary>
    public string? PreviousSecret { get; private set; }

    public DateTimeOffset? PreviousSecretValidUntil { get; private set; }

    /// <summary>Since when every delivery attempt has failed (null after a success); kept by the dispatcher.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<DomainEvent> DomainEvents => _events;

    public void ClearDomainEvents() => _events.Clear();

    /// <summary>
    /// A new subscription with a fresh random secret (returned once: the only time a client sees it). The URL must be
    /// http(s); an address literal must be public unless <paramref name="allowPrivateTargets"/> (host names are
    /// resolved and checked by the caller, and again at each delivery).
    /// </summary>
    public static (WebhookSubscription Subscription, string Secret) Subscribe(string url, IEnumerable<string> events, Guid? customerId, bool allowPrivateTargets, DateTimeOffset now)
    {
        var secret = NewSecret();
        var subscription = new WebhookSubscription(Guid.CreateVersion7(now).ToString(), customerId, secret, now);
        subscription.Url = CheckUrl(url, allowPrivateTargets).AbsoluteUri;
        subscription.Events = CheckEvents(events);
        return (subscription, secret);
    }

    /// <summary>The writable fields (PATCH): URL, events and whether it is active. Reactivating clears the reason and the failure streak.</summary>
    public void Update(string url, IEnumerable<string> events, bool active, bool allowPrivateTargets, DateTimeOffset now)
    {
        var checkedUrl = CheckUrl(url, allowPrivateTargets).AbsoluteUri;
        var checkedEvents = CheckEvents(events);
        Url = checkedUrl;
        Events = checkedEvents;
        if (active && !Active)
        {
            Active = true;
            DeactivatedAt = null;
            DeactivationReason = null;
            FailingSince = null;
        }
        else if (!active && Active)
        {
            Deactivate("Deactivated by an administrator.", now);
        }

        UpdatedAt = now;
    }

    /// <summary>A new secret (returned once); the previous one keeps signing for <see cref="RotationOverlap"/>.</summary>
    public string RotateSecret(DateTimeOffset now)
    {
        PreviousSecret = Secret;
        PreviousSecretValidUntil = now + RotationOverlap;
        Secret = NewSecret();
        UpdatedAt = now;
        return Secret;
    }

    /// <summary>The secrets a delivery made at <paramref name="now"/> is signed with: the current one first.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretValidUntil > now ? [Secret, PreviousSecret] : [Secret];

    /// <summary>Whether an event of <paramref name="type"/> about <paramref name="customerId"/> (null: about no customer) is delivered here.</summary>
    public bool Wants(string type, Guid? customerId) =>
        Active && Events.Contains(type, StringComparer.Ordinal) && (CustomerId is null || customerId is null || customerId == CustomerId);

    /// <summary>Sends a <c>ping</c> event to this subscription alone, to test the receiver.</summary>
    public void Ping(DateTimeOffset now)
    {
        if (!Active)
            throw DomainException.IllegalTransition("webhook", "inactive", "ping");
        _events.Add(new WebhookPinged(Id, now, Url));
    }

    /// <summary>
    /// The dispatcher's verdict after a failed attempt: when every delivery has failed since <paramref name="failingSince"/>
    /// and that is <see cref="FailureWindow"/> or more ago, the subscription is switched off. Returns whether it was.
    /// </summary>
    public bool DeactivateIfFailingTooLong(DateTimeOffset failingSince, string lastError, DateTimeOffset now)
    {
        if (!Active || now - failingSince < FailureWindow)
            return false;
        var reason = $"Every delivery failed from {failingSince:yyyy-MM-dd'T'HH:mm:ss'Z'} for {FailureWindow.TotalHours:0} hours; last error: {lastError}";
        Deactivate(reason, now);
        return true;
    }

    /// <summary>Checks a subscription URL: absolute http or https, no credentials, and a public address when it is an address literal.</summary>
    public static Uri CheckUrl(string? url, bool allowPrivateTargets)
    {
        var text = Guard.Required(url, "url", UrlMaxLength);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw DomainException.Invalid("url", "'url' must be an absolute http or https URL.");
        if (!string.IsNullOrEmpty(uri.UserInfo))
            throw DomainException.Invalid("url", "'url' must not carry credentials.");
        if (allowPrivateTargets)
            return uri;
        if (IPAddress.TryParse(uri.IdnHost, out var address) && !NetworkTargets.IsPublic(address))
            throw DomainException.PrivateTarget($"'{uri.Host}' is not a public address: webhooks go to public addresses only.");
        if (uri.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase) || uri.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            throw DomainException.PrivateTarget($"'{uri.Host}' is a loopback name: webhooks go to public addresses only.");
        return uri;
    }

    private void Deactivate(string reason, DateTimeOffset now)
    {
        Active = false;
        DeactivatedAt = now;
        DeactivationReason = reason.Length > ReasonMaxLength ? reason[..(ReasonMaxLength - 3)] + "..." : reason;
        UpdatedAt = now;
    }

    private static List<string> CheckEvents(IEnumerable<string>? events)
    {
        var list = (events ?? []).ToList();
        if (list.Count == 0)
            throw DomainException.Invalid("events", "'events' must name at least one event type.");
        if (list.FirstOrDefault(e => !WebhookEvents.IsKnown(e)) is { } unknown)
            throw DomainException.Invalid("events", $"'{unknown}' is not an event type; use {string.Join(", ", WebhookEvents.All)}.");
        return WebhookEvents.All.Where(e => list.Contains(e, StringComparer.Ordinal)).ToList();
    }

    private static string NewSecret() => SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
