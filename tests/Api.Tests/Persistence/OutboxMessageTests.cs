using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Infrastructure.Persistence.Outbox;

namespace ServiceDesk.Api.Tests.Persistence;

/// <summary>
/// What webhook delivery reads from the outbox: the event's type name, and as data the fields the event declares
/// (camelCase, enums by name) followed by its number; never its time or type name, which are the envelope's.
/// Text is escaped as System.Text.Json does by default; instants are written as their converter formats them (+00:00).
/// </summary>
public sealed class OutboxMessageTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 9, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Acme = new("0192f0c0-0000-7000-8000-000000000001");

    [Fact]
    public void A_created_ticket_is_written_with_its_kind_priority_customer_group_and_number()
    {
        var message = OutboxMessage.For(new TicketCreated("INC000001", At, TicketKind.Incident, Priority.P2, Acme, "Service Desk"));

        Assert.Equal("ticket.created", message.Type);
        Assert.Equal("INC000001", message.Number);
        Assert.Equal(At, message.OccurredAt);
        Assert.Equal($$"""{"kind":"Incident","priority":"P2","customerId":"{{Acme}}","assignmentGroup":"Service Desk","number":"INC000001"}""", message.Data);
    }

    [Fact]
    public void An_updated_ticket_is_written_with_what_changed_and_its_status()
    {
        var message = OutboxMessage.For(new TicketUpdated("INC000001", At, ["assignment", "status"], TicketStatus.Assigned));

        Assert.Equal("ticket.updated", message.Type);
        Assert.Equal("""{"changes":["assignment","status"],"status":"Assigned","number":"INC000001"}""", message.Data);
    }

    [Fact]
    public void A_breach_is_written_with_its_clock_percentage_breach_time_and_priority()
    {
        var message = OutboxMessage.For(new SlaBreached("INC000001", At.AddHours(1), SlaClockKind.Response, At, Priority.P1));

        Assert.Equal("sla.breached", message.Type);
        Assert.Equal("""{"clock":"Response","percentage":100,"dueAt":"2026-03-09T02:00:00+00:00","priority":"P1","number":"INC000001"}""", message.Data);
    }

    [Fact]
    public void A_change_raised_is_announced_as_a_created_ticket_of_kind_change()
    {
        var message = OutboxMessage.For(new ChangeCreated("CHG000001", At, customerId: null));

        Assert.Equal("ticket.created", message.Type);
        Assert.Equal("""{"kind":"Change","customerId":null,"number":"CHG000001"}""", message.Data);
    }

    [Fact]
    public void A_scheduled_change_is_written_with_its_window_conflicts_and_freeze_flag()
    {
        var message = OutboxMessage.For(new ChangeScheduled("CHG000002", At, ChangeType.Normal, Acme, At.AddDays(1), At.AddDays(1).AddHours(2), ["CHG000001"], ScheduledInFreeze: false));

        Assert.Equal("change.scheduled", message.Type);
        Assert.Equal(
            $$"""{"type":"Normal","customerId":"{{Acme}}","plannedStart":"2026-03-10T02:00:00+00:00","plannedEnd":"2026-03-10T04:00:00+00:00","conflicts":["CHG000001"],"scheduledInFreeze":false,"number":"CHG000002"}""",
            message.Data);
    }
}
