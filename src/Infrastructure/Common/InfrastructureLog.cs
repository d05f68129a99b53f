using Microsoft.Extensions.Logging;

namespace ServiceDesk.Infrastructure.Common;

/// <summary>Every log line Infrastructure writes, source-generated: no formatting or boxing unless the level is on.</summary>
internal static partial class InfrastructureLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Database:MigrateOnStartup is false: schema and reference data are left as they are.")]
    public static partial void MigrationsSkipped(this ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Seed:DemoData is ignored in Production: the demo API keys are public values.")]
    public static partial void DemoDataRefusedInProduction(this ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Created the bootstrap Admin API key from Auth:BootstrapAdminKey.")]
    public static partial void BootstrapKeyCreated(this ILogger logger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "The key in Auth:BootstrapAdminKey was revoked; it stays revoked. Configure another value to bootstrap a new Admin key.")]
    public static partial void BootstrapKeyRevoked(this ILogger logger);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Demo data (Seed:DemoData=true): {Summary}")]
    public static partial void DemoDataSeeded(this ILogger logger, string summary);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Demo agreement of {Customer} on {Level} skipped: its level, line or products are missing or retired.")]
    public static partial void DemoAgreementSkipped(this ILogger logger, string customer, string level);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "SLA monitor pass failed; retrying at the next interval.")]
    public static partial void SlaMonitorPassFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "The outbox backlog could not be counted; the gauge keeps its last value.")]
    public static partial void OutboxBacklogUnreadable(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Webhook dispatcher pass failed; retrying in {Delay}.")]
    public static partial void WebhookDispatcherPassFailed(this ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} ({EventType}) to {Url} failed for good after {Attempts} attempts: {Error}")]
    public static partial void WebhookDeliveryFailed(this ILogger logger, Guid deliveryId, string eventType, string url, int attempts, string error);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Webhook {SubscriptionId} deactivated: {Reason}")]
    public static partial void WebhookDeactivated(this ILogger logger, string subscriptionId, string reason);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Error, Message = "Recording the outcome of webhook delivery {DeliveryId} failed; its claim runs out and it is tried again.")]
    public static partial void WebhookOutcomeNotRecorded(this ILogger logger, Exception exception, Guid deliveryId);
}
