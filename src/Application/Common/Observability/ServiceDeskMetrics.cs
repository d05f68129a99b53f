using System.Diagnostics.Metrics;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.Common.Observability;

/// <summary>
/// The product's own metrics, all on one <see cref="Meter"/> named <c>ServiceDesk</c> (exported with the framework's
/// by OTLP and, when enabled, the Prometheus endpoint). Recording is a counter add with two or three tags of
/// constant strings: no allocation, and nearly free while nothing listens.
/// </summary>
public sealed class ServiceDeskMetrics
{
    public const string MeterName = "ServiceDesk";

    private readonly Counter<long> _ticketsRaised;
    private readonly Counter<long> _slaWarnings;
    private readonly Counter<long> _slaBreaches;
    private readonly Histogram<double> _monitorRunDuration;
    private readonly Histogram<double> _monitorLag;
    private readonly Counter<long> _webhookDeliveries;

    public ServiceDeskMetrics(IMeterFactory meterFactory, IOutboxBacklog outbox)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(outbox);
        var meter = meterFactory.Create(MeterName);
        _ticketsRaised = meter.CreateCounter<long>("servicedesk.tickets.raised", "{ticket}",
            "Tickets raised at the desk intake, by kind (incident, serviceRequest, change) and priority (P1-P4; none for a change).");
        _slaWarnings = meter.CreateCounter<long>("servicedesk.sla.warnings", "{warning}",
            "SLA threshold warnings raised by the monitor, by clock (response, resolution) and priority.");
        _slaBreaches = meter.CreateCounter<long>("servicedesk.sla.breaches", "{breach}",
            "SLA breaches raised by the monitor, by clock (response, resolution) and priority.");
        _monitorRunDuration = meter.CreateHistogram<double>("servicedesk.sla_monitor.run.duration", "s",
            "How long one completed SLA monitor pass took.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        _monitorLag = meter.CreateHistogram<double>("servicedesk.sla_monitor.lag", "s",
            "At the start of each SLA monitor pass: how far past due the oldest pending check was (0 when none was due).",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0, 1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600] });
        _webhookDeliveries = meter.CreateCounter<long>("servicedesk.webhook.deliveries", "{delivery}",
            "Webhook delivery attempts, by outcome (delivered, failed, abandoned).");
        meter.CreateObservableGauge("servicedesk.outbox.backlog", () => Backlog(outbox), "{event}",
            "Outbox events not yet delivered (read at most every few seconds).");
    }

    /// <summary>A ticket (or a change request) was raised at the intake.</summary>
    public void TicketRaised(TicketKind kind, Priority? priority) =>
        _ticketsRaised.Add(1, new KeyValuePair<string, object?>("kind", KindTag(kind)), new KeyValuePair<string, object?>("priority", PriorityTag(priority)));

    /// <summary>The monitor raised an SLA warning.</summary>
    public void SlaWarning(SlaClockKind clock, Priority priority) =>
        _slaWarnings.Add(1, new KeyValuePair<string, object?>("clock", ClockTag(clock)), new KeyValuePair<string, object?>("priority", PriorityTag(priority)));

    /// <summary>The monitor raised an SLA breach.</summary>
    public void SlaBreach(SlaClockKind clock, Priority priority) =>
        _slaBreaches.Add(1, new KeyValuePair<string, object?>("clock", ClockTag(clock)), new KeyValuePair<string, object?>("priority", PriorityTag(priority)));

    /// <summary>One SLA monitor pass completed: how long it took, and how late the oldest check it found was.</summary>
    public void SlaMonitorRun(TimeSpan duration, TimeSpan lag)
    {
        _monitorRunDuration.Record(duration.TotalSeconds);
        _monitorLag.Record(Math.Max(0, lag.TotalSeconds));
    }

    /// <summary>
    /// One webhook delivery attempt ended. <paramref name="outcome"/> is one of a small fixed set (the tag's
    /// cardinality): <c>delivered</c> (2xx), <c>failed</c> (will be retried), <c>abandoned</c> (given up).
    /// </summary>
    public void WebhookDelivery(string outcome)
    {
        ArgumentException.ThrowIfNullOrEmpty(outcome);
        _webhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    private static IEnumerable<Measurement<long>> Backlog(IOutboxBacklog outbox) =>
        outbox.Current() is { } pending ? [new Measurement<long>(pending)] : [];

    private static string KindTag(TicketKind kind) => kind switch
    {
        TicketKind.Incident => "incident",
        TicketKind.ServiceRequest => "serviceRequest",
        _ => "change",
    };

    private static string PriorityTag(Priority? priority) => priority switch
    {
        Priority.P1 => "P1",
        Priority.P2 => "P2",
        Priority.P3 => "P3",
        Priority.P4 => "P4",
        _ => "none",
    };

    private static string ClockTag(SlaClockKind clock) => clock == SlaClockKind.Response ? "response" : "resolution";
}
