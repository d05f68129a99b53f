using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Integrations;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up after the retry period; an operator can retry it.</summary>
    Failed,
}

/// <summary>
/// One event on its way to one subscription. Attempts are retried with exponential back-off (<see cref="RetrySchedule"/>)
/// until a 2xx answer, or until the retry period since the first attempt is over (then <see cref="WebhookDeliveryStatus.Failed"/>).
/// </summary>
public sealed class WebhookDelivery : Entity
{
    public const int ErrorMaxLength = 1000;

    private WebhookDelivery()
    {
        SubscriptionId = EventType = EventNumber = string.Empty;
    }

    private WebhookDelivery(string subscriptionId, Guid eventId, string eventType, string eventNumber, long eventPosition, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        SubscriptionId = subscriptionId;
        EventId = eventId;
        EventType = eventType;
        EventNumber = eventNumber;
        EventPosition = eventPosition;
        Status = WebhookDeliveryStatus.Pending;
        CreatedAt = RetryPeriodStartedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    public string SubscriptionId { get; private set; }

    /// <summary>The event's id: the <c>X-ServiceDesk-Delivery</c> header and <c>id</c> of the body, what receivers de-duplicate on.</summary>
    public Guid EventId { get; private set; }

    public string EventType { get; private set; }

    /// <summary>What the event is about (a ticket's, change's or problem's number): deliveries about one thing go out in event order.</summary>
    public string EventNumber { get; private set; }

    /// <summary>The event's place in the order events were written.</summary>
    public long EventPosition { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Since when it has been retried (its creation, or an operator's retry).</summary>
    public DateTimeOffset RetryPeriodStartedAt { get; private set; }

    /// <summary>When the next attempt is due (while Pending).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Set while a dispatcher is sending it: no other dispatcher takes it until then (a crashed sender's claim runs out).</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public Guid? ClaimToken { get; private set; }

    public static WebhookDelivery For(string subscriptionId, Guid eventId, string eventType, string eventNumber, long eventPosition, DateTimeOffset now) =>
        new(subscriptionId, eventId, eventType, eventNumber, eventPosition, now);

    /// <summary>The receiver answered 2xx.</summary>
    public void Succeeded(int statusCode, DateTimeOffset now)
    {
        EnsurePending("record an attempt for");
        Attempts++;
        LastAttemptAt = DeliveredAt = now;
        LastStatusCode = statusCode;
        LastError = null;
        Status = WebhookDeliveryStatus.Delivered;
        NextAttemptAt = null;
        Release();
    }

    /// <summary>
    /// An attempt failed (a non-2xx answer, a timeout, a refused connection): the next one is scheduled by
    /// <paramref name="schedule"/> with <paramref name="jitter"/> in [0, 1), or the delivery fails for good when that
    /// would fall outside the retry period. Returns whether it failed for good.
    /// </summary>
    public bool AttemptFailed(int? statusCode, string error, RetrySchedule schedule, double jitter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(error);
        EnsurePending("record an attempt for");
        Attempts++;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastError = error.Length > ErrorMaxLength ? error[..(ErrorMaxLength - 3)] + "..." : error;
        Release();
        var next = now + schedule.DelayAfter(Attempts, jitter);
        if (next - RetryPeriodStartedAt > schedule.RetryPeriod)
        {
            Status = WebhookDeliveryStatus.Failed;
            NextAttemptAt = null;
            return true;
        }

        NextAttemptAt = next;
        return false;
    }

    /// <summary>An operator asks for another attempt now: a failed delivery gets a new retry period, a pending one is brought forward.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status == WebhookDeliveryStatus.Delivered)
            throw DomainException.IllegalTransition("delivery", Status, "retry");
        if (Status == WebhookDeliveryStatus.Failed)
            RetryPeriodStartedAt = now;
        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = now;
    }

    /// <summary>A dispatcher that stops before it has an answer gives the delivery back, attempt not counted.</summary>
    public void Release()
    {
        ClaimedUntil = null;
        ClaimToken = null;
    }

    private void EnsurePending(string action)
    {
        if (Status != WebhookDeliveryStatus.Pending)
            throw DomainException.IllegalTransition("delivery", Status, action);
    }
}

/// <summary>
/// When to try again: <see cref="BaseDelay"/> after the first failure, doubling each time up to <see cref="MaxDelay"/>,
/// each delay shortened by up to <see cref="JitterFraction"/> at random so that receivers coming back are not hit by
/// every retry at once; given up once an attempt would fall more than <see cref="RetryPeriod"/> after the first.
/// </summary>
public sealed record RetrySchedule(TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan RetryPeriod, double JitterFraction = 0.2)
{
    /// <summary>1 minute doubling to 6 hours, for 24 hours.</summary>
    public static readonly RetrySchedule Default = new(TimeSpan.FromMinutes(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24));

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1, 2, ...); <paramref name="jitter"/> in [0, 1).</summary>
    public TimeSpan DelayAfter(int attempt, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var doublings = Math.Min(attempt - 1, 30);
        var ticks = Math.Min(BaseDelay.Ticks * Math.Pow(2, doublings), MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(ticks * (1 - (JitterFraction * Math.Clamp(jitter, 0, 1)))));
    }
}
