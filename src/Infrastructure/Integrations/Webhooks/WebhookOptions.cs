using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Infrastructure.Integrations.Webhooks;

/// <summary>The <c>Webhooks</c> settings (see the README, "Webhooks").</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Lets subscriptions and deliveries reach loopback and private addresses (on-premises receivers, tests).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long a delivery is retried before it is Failed.</summary>
    public double MaxRetryHours { get; set; } = 24;

    /// <summary>The wait after the first failed attempt; it doubles with each further failure.</summary>
    public double RetryBaseDelaySeconds { get; set; } = 60;

    /// <summary>The longest wait between two attempts.</summary>
    public double MaxRetryDelayHours { get; set; } = 6;

    /// <summary>Delivered and failed deliveries, and processed events, are deleted after this many days.</summary>
    public double RetentionDays { get; set; } = 7;

    /// <summary>How often the dispatcher looks for work when nothing woke it (a save that writes events wakes it at once).</summary>
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// How long the dispatcher lets events gather after a save wakes it (and between passes while work keeps coming),
    /// so a burst of intakes is fanned out in one pass. Adds at most this much to the first attempt's delay.
    /// </summary>
    public double BatchWindowMilliseconds { get; set; } = 200;

    /// <summary>How long one attempt may take.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts in flight at once for one subscription.</summary>
    public int MaxConcurrencyPerSubscription { get; set; } = 4;

    /// <summary>Attempts in flight at once for this instance.</summary>
    public int MaxConcurrency { get; set; } = 32;

    public RetrySchedule Schedule => new(
        TimeSpan.FromSeconds(Math.Max(0.001, RetryBaseDelaySeconds)),
        TimeSpan.FromHours(Math.Max(0.001, MaxRetryDelayHours)),
        TimeSpan.FromHours(Math.Max(0, MaxRetryHours)));

    public TimeSpan PollInterval => TimeSpan.FromSeconds(Math.Max(0.05, PollIntervalSeconds));

    public TimeSpan BatchWindow => TimeSpan.FromMilliseconds(Math.Clamp(BatchWindowMilliseconds, 0, 5_000));

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(0.1, TimeoutSeconds));

    public TimeSpan Retention => TimeSpan.FromDays(Math.Max(0, RetentionDays));

    /// <summary>How long a claimed delivery stays with its dispatcher: longer than any attempt.</summary>
    public TimeSpan ClaimLease => Timeout + TimeSpan.FromMinutes(1);
}
