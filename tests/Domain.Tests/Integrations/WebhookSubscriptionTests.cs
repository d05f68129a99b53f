using System.Net;
using System.Text;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Domain.Tests.Integrations;

public sealed class WebhookSubscriptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    private static WebhookSubscription Subscribed(Guid? customerId = null) =>
        WebhookSubscription.Subscribe("https://hooks.example.com/sd", ["ticket.created", "sla.breached"], customerId, allowPrivateTargets: false, Now).Subscription;

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    public void Loopback_private_link_local_multicast_and_unspecified_addresses_are_not_public(string address) =>
        Assert.False(NetworkTargets.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_unicast_addresses_are_public(string address) =>
        Assert.True(NetworkTargets.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://[::1]:8080/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::ffff:192.168.0.1]/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://api.localhost/")]
    public void A_private_target_is_refused_at_subscription(string url)
    {
        var e = Assert.Throws<DomainException>(() => WebhookSubscription.Subscribe(url, ["ticket.created"], null, allowPrivateTargets: false, Now));
        Assert.Equal("private-target", e.Rule);
        Assert.Equal("url", e.Field);
        Assert.Equal(DomainErrorKind.Unprocessable, e.Kind);
    }

    [Fact]
    public void A_private_target_is_accepted_when_private_targets_are_allowed()
    {
        var (subscription, _) = WebhookSubscription.Subscribe("http://127.0.0.1:9000/hook", ["ticket.created"], null, allowPrivateTargets: true, Now);
        Assert.Equal("http://127.0.0.1:9000/hook", subscription.Url);
    }

    [Theory]
    [InlineData("ftp://hooks.example.com/")]
    [InlineData("hooks.example.com/path")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:pass@hooks.example.com/")]
    public void Only_http_and_https_urls_without_credentials_are_accepted(string url)
    {
        var e = Assert.Throws<DomainException>(() => WebhookSubscription.Subscribe(url, ["ticket.created"], null, allowPrivateTargets: true, Now));
        Assert.Equal(DomainErrorKind.Invalid, e.Kind);
        Assert.Equal("url", e.Field);
    }

    [Fact]
    public void Events_must_be_known_and_at_least_one()
    {
        Assert.Equal("events", Assert.Throws<DomainException>(() => WebhookSubscription.Subscribe("https://h.example.com/", [], null, false, Now)).Field);
        Assert.Equal("events", Assert.Throws<DomainException>(() => WebhookSubscription.Subscribe("https://h.example.com/", ["ticket.deleted"], null, false, Now)).Field);
        Assert.Equal("events", Assert.Throws<DomainException>(() => WebhookSubscription.Subscribe("https://h.example.com/", ["ping"], null, false, Now)).Field);
    }

    [Fact]
    public void Events_are_kept_once_each_in_catalogue_order()
    {
        var (subscription, _) = WebhookSubscription.Subscribe("https://h.example.com/", ["knowledge.published", "ticket.created", "ticket.created"], null, false, Now);
        Assert.Equal(["ticket.created", "knowledge.published"], subscription.Events);
    }

    [Fact]
    public void A_new_subscription_is_active_with_a_random_secret_shown_once()
    {
        var (a, secretA) = WebhookSubscription.Subscribe("https://h.example.com/", ["ticket.created"], null, false, Now);
        var (_, secretB) = WebhookSubscription.Subscribe("https://h.example.com/", ["ticket.created"], null, false, Now);
        Assert.True(a.Active);
        Assert.StartsWith("whsec_", secretA, StringComparison.Ordinal);
        Assert.Equal(6 + 64, secretA.Length);
        Assert.NotEqual(secretA, secretB);
        Assert.Equal([secretA], a.SigningSecrets(Now));
    }

    [Fact]
    public void After_a_rotation_both_secrets_sign_for_24_hours_then_only_the_new_one()
    {
        var subscription = Subscribed();
        var old = subscription.Secret;
        var rotated = subscription.RotateSecret(Now);
        Assert.NotEqual(old, rotated);
        Assert.Equal(Now.AddHours(24), subscription.PreviousSecretValidUntil);
        Assert.Equal([rotated, old], subscription.SigningSecrets(Now.AddHours(23).AddMinutes(59)));
        Assert.Equal([rotated], subscription.SigningSecrets(Now.AddHours(24)));
    }

    [Fact]
    public void A_customer_filter_takes_that_customers_events_and_events_about_no_customer()
    {
        var acme = Guid.NewGuid();
        var subscription = Subscribed(acme);
        Assert.True(subscription.Wants("ticket.created", acme));
        Assert.False(subscription.Wants("ticket.created", Guid.NewGuid()));
        Assert.True(subscription.Wants("ticket.created", null));
        Assert.False(subscription.Wants("ticket.updated", acme));
        Assert.True(Subscribed().Wants("sla.breached", Guid.NewGuid()));
    }

    [Fact]
    public void Switching_off_keeps_a_reason_and_switching_on_clears_it()
    {
        var subscription = Subscribed();
        subscription.Update(subscription.Url, subscription.Events, active: false, allowPrivateTargets: false, Now);
        Assert.False(subscription.Active);
        Assert.False(subscription.Wants("ticket.created", null));
        Assert.Equal("Deactivated by an administrator.", subscription.DeactivationReason);
        Assert.Equal(Now, subscription.DeactivatedAt);
        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(() => subscription.Ping(Now)).Rule);

        subscription.Update(subscription.Url, subscription.Events, active: true, allowPrivateTargets: false, Now.AddHours(1));
        Assert.True(subscription.Active);
        Assert.Null(subscription.DeactivationReason);
        Assert.Null(subscription.DeactivatedAt);
    }

    [Fact]
    public void A_subscription_failing_for_24_hours_is_deactivated_with_the_reason()
    {
        var subscription = Subscribed();
        Assert.False(subscription.DeactivateIfFailingTooLong(Now, "503 Service Unavailable", Now.AddHours(23).AddMinutes(59)));
        Assert.True(subscription.Active);

        Assert.True(subscription.DeactivateIfFailingTooLong(Now, "503 Service Unavailable", Now.AddHours(24)));
        Assert.False(subscription.Active);
        Assert.Equal("Every delivery failed from 2026-11-24T01:00:00Z for 24 hours; last error: 503 Service Unavailable", subscription.DeactivationReason);
    }

    [Fact]
    public void A_ping_goes_to_this_subscription_alone()
    {
        var subscription = Subscribed();
        subscription.Ping(Now);
        var ping = Assert.IsType<WebhookPinged>(Assert.Single(subscription.DomainEvents));
        Assert.Equal("ping", ping.EventType);
        Assert.Equal(subscription.Id, ping.Number);
    }

    [Fact]
    public void The_signature_is_sha256_and_lowercase_hex_of_timestamp_dot_body()
    {
        // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        var body = Encoding.UTF8.GetBytes("{\"a\":1}");
        Assert.Equal("sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789", WebhookSignature.Sign("whsec_test", 1700000000, body));
        var both = WebhookSignature.Header(["whsec_test", "whsec_old"], 1700000000, body).Split(',');
        Assert.Equal(2, both.Length);
        Assert.Equal("sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789", both[0]);
        Assert.Equal(WebhookSignature.Sign("whsec_old", 1700000000, body), both[1]);
    }
}

public sealed class WebhookDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    private static WebhookDelivery Pending() => WebhookDelivery.For("sub", Guid.NewGuid(), "ticket.created", "INC000001", 1, Now);

    [Fact]
    public void Back_off_starts_at_one_minute_doubles_and_stops_at_six_hours()
    {
        var schedule = RetrySchedule.Default;
        Assert.Equal(TimeSpan.FromMinutes(1), schedule.DelayAfter(1, 0));
        Assert.Equal(TimeSpan.FromMinutes(2), schedule.DelayAfter(2, 0));
        Assert.Equal(TimeSpan.FromMinutes(4), schedule.DelayAfter(3, 0));
        Assert.Equal(TimeSpan.FromMinutes(256), schedule.DelayAfter(9, 0));
        Assert.Equal(TimeSpan.FromHours(6), schedule.DelayAfter(10, 0)); // 512 min capped at 360
        Assert.Equal(TimeSpan.FromHours(6), schedule.DelayAfter(40, 0));
    }

    [Fact]
    public void Jitter_shortens_a_delay_by_at_most_a_fifth()
    {
        var schedule = RetrySchedule.Default;
        Assert.Equal(TimeSpan.FromSeconds(48), schedule.DelayAfter(1, 1));
        Assert.Equal(TimeSpan.FromSeconds(108), schedule.DelayAfter(2, 0.5));
    }

    [Fact]
    public void A_failed_attempt_schedules_the_next_and_a_success_delivers()
    {
        var delivery = Pending();
        Assert.False(delivery.AttemptFailed(503, "503 Service Unavailable", RetrySchedule.Default, 0, Now));
        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(503, delivery.LastStatusCode);
        Assert.Equal(Now.AddMinutes(1), delivery.NextAttemptAt);

        delivery.Succeeded(204, Now.AddMinutes(1));
        Assert.Equal(WebhookDeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(2, delivery.Attempts);
        Assert.Null(delivery.NextAttemptAt);
        Assert.Null(delivery.LastError);
        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(() => delivery.Retry(Now)).Rule);
    }

    [Fact]
    public void A_delivery_fails_for_good_once_the_next_attempt_would_fall_after_24_hours()
    {
        var delivery = Pending();
        var at = Now;
        var attempts = 0;
        while (!delivery.AttemptFailed(null, "timeout", RetrySchedule.Default, 0, at))
        {
            attempts++;
            at = delivery.NextAttemptAt!.Value;
        }

        // Attempts at 0, 1, 3, 7, ..., 511 min (waits 1, 2, ..., 256 min: 10 attempts), then 6-hour waits: 871 and 1231 min;
        // the 12th attempt's next would be at 1591 min, past 24 hours (1440).
        Assert.Equal(12, delivery.Attempts);
        Assert.Equal(11, attempts);
        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Null(delivery.NextAttemptAt);
        Assert.Equal(Now.AddMinutes(511 + 720), at);
    }

    [Fact]
    public void An_operator_retry_of_a_failed_delivery_starts_a_new_retry_period()
    {
        var delivery = Pending();
        var schedule = new RetrySchedule(TimeSpan.FromMinutes(1), TimeSpan.FromHours(6), TimeSpan.Zero);
        Assert.True(delivery.AttemptFailed(500, "500 Internal Server Error", schedule, 0, Now));
        delivery.Retry(Now.AddDays(1));
        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
        Assert.Equal(Now.AddDays(1), delivery.NextAttemptAt);
        Assert.Equal(Now.AddDays(1), delivery.RetryPeriodStartedAt);
    }
}
