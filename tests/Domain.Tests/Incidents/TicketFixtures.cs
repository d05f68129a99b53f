using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;
using static ServiceDesk.Domain.Tests.ServiceLevels.Calendars;

namespace ServiceDesk.Domain.Tests.Incidents;

/// <summary>The service levels of service-levels.json as SLA contexts, on the calendars of <c>Calendars</c>.</summary>
internal static class Sla
{
    /// <summary>SILVER: everything on 5X8-CN. P1 60/480, P2 120/960, P3 240/2400, P4 480/4800.</summary>
    public static readonly SlaContext Silver = new(
        Level("SILVER", 3, "5X8-CN", null, (60, 480), (120, 960), (240, 2400), (480, 4800)),
        FiveByEightCn,
        FiveByEightCn);

    /// <summary>PLATINUM: everything on 24X7. P1 15/240, P2 30/480, P3 60/1440, P4 240/4320.</summary>
    public static readonly SlaContext Platinum = new(
        Level("PLATINUM", 1, "24X7", null, (15, 240), (30, 480), (60, 1440), (240, 4320)),
        TwentyFourSeven,
        TwentyFourSeven);

    /// <summary>BRONZE: response on 24X7, resolution on 5X8-CN. P1 240/1440, P2 480/2400, P3 960/4800, P4 1440/7200.</summary>
    public static readonly SlaContext Bronze = new(
        Level("BRONZE", 4, "5X8-CN", "24X7", (240, 1440), (480, 2400), (960, 4800), (1440, 7200)),
        TwentyFourSeven,
        FiveByEightCn);

    /// <summary>A New York office, Monday to Friday 09:00-17:00 local time, with SILVER's targets.</summary>
    public static readonly WorkingSchedule FiveByEightNewYork = new("America/New_York", Weekdays(Interval("09:00", "17:00")));

    public static readonly SlaContext NewYork = new(
        Level("NY-SILVER", 3, "5X8-NY", null, (60, 480), (120, 960), (240, 2400), (480, 4800)),
        FiveByEightNewYork,
        FiveByEightNewYork);

    private static ServiceLevel Level(string code, int rank, string calendar, string? responseCalendar, params (int Response, int Resolution)[] targets) =>
        new(code, new ServiceLevelTerms
        {
            Name = code,
            Rank = rank,
            CalendarCode = calendar,
            ResponseCalendarCode = responseCalendar,
            PriceMultiplier = 1.0m,
            AvailabilityTargetPercent = 99.5m,
            Targets = targets.Select((t, i) => new ServiceTarget((Priority)(i + 1), t.Response, t.Resolution)),
        });
}

/// <summary>Opens tickets and walks them through the state machine for the tests.</summary>
internal static class Tickets
{
    public static readonly Actor Agent = new("key-alice", "alice.agent", IsCustomer: false);
    public static readonly Actor OtherAgent = new("key-bob", "bob.agent", IsCustomer: false);
    public static readonly Actor CustomerUser = new("key-carol", "carol@acme.example", IsCustomer: true);
    public static readonly Guid CustomerId = new("0192f0c0-0000-7000-8000-000000000001");

    /// <summary>Monday 2026-03-09 09:00 in Shanghai (01:00Z): the start of an ordinary working day on 5X8-CN.</summary>
    public static readonly DateTimeOffset MondayNine = At("2026-03-09T09:00+08:00");

    /// <summary>Impact and urgency that the matrix turns into each priority.</summary>
    public static (Impact Impact, Urgency Urgency) ImpactAndUrgencyFor(Priority priority) => priority switch
    {
        Priority.P1 => (Impact.High, Urgency.High),
        Priority.P2 => (Impact.High, Urgency.Medium),
        Priority.P3 => (Impact.Medium, Urgency.Medium),
        _ => (Impact.Low, Urgency.Low),
    };

    public static Ticket Open(
        DateTimeOffset at,
        Priority priority = Priority.P3,
        SlaContext? sla = null,
        TicketCategory category = TicketCategory.Incident,
        TicketKind kind = TicketKind.Incident)
    {
        var (impact, urgency) = ImpactAndUrgencyFor(priority);
        return Open(at, impact, urgency, sla, category, kind);
    }

    public static Ticket Open(
        DateTimeOffset at,
        Impact impact,
        Urgency urgency,
        SlaContext? sla = null,
        TicketCategory category = TicketCategory.Incident,
        TicketKind kind = TicketKind.Incident) =>
        Ticket.Open(
            new NewTicket(
                Number: kind == TicketKind.Incident ? "INC000001" : "REQ000001",
                Kind: kind,
                Category: category,
                CustomerId: CustomerId,
                ProductCode: "OPS-SD-01",
                ProductLineCode: "OPS",
                Summary: "Mail server down",
                Description: "Nobody can send mail since 08:40.",
                Impact: impact,
                Urgency: urgency,
                Channel: Channel.Portal,
                Contact: new TicketContact("Carol", "carol@acme.example", null),
                ExternalReference: "ACME-4711",
                AssignmentGroup: "Service Desk"),
            at,
            sla ?? Sla.Silver,
            Agent);

    /// <summary>A SILVER P3 ticket opened <see cref="MondayNine"/> and moved to <paramref name="status"/> one legal step a minute.</summary>
    public static Ticket In(TicketStatus status, TicketKind kind = TicketKind.Incident)
    {
        var sla = Sla.Silver;
        var at = MondayNine;
        var ticket = Open(at, kind: kind);
        DateTimeOffset Next() => at = at.AddMinutes(1);

        if (status == TicketStatus.New)
            return ticket;
        if (status == TicketStatus.Cancelled)
        {
            ticket.Cancel("Raised in error", Agent, Next(), sla);
            return ticket;
        }

        ticket.Assign("Service Desk", Agent.Name, Agent, Next());
        if (status == TicketStatus.Assigned)
            return ticket;
        ticket.Start(Agent, Next(), sla);
        if (status == TicketStatus.InProgress)
            return ticket;
        if (status == TicketStatus.OnHold)
        {
            ticket.Hold("Waiting for the customer's logs", Agent, Next(), sla);
            return ticket;
        }

        ticket.Resolve("FIXED", "Restarted the mail relay.", Agent, Next(), sla);
        if (status == TicketStatus.Resolved)
            return ticket;
        ticket.Close(CustomerUser, Next());
        return ticket;
    }

    /// <summary>The events of one type raised since the ticket was opened (or events were last cleared).</summary>
    public static IReadOnlyList<TEvent> Events<TEvent>(this Ticket ticket) where TEvent : DomainEvent =>
        [.. ticket.DomainEvents.OfType<TEvent>()];

    /// <summary>The sla.warning / sla.breached events of one clock, as (type, percentage) in the order raised.</summary>
    public static IReadOnlyList<(string Type, int Percentage)> SlaEvents(this Ticket ticket, SlaClockKind clock) =>
        [.. ticket.DomainEvents
            .OfType<SlaThresholdCrossed>()
            .Where(e => e.Clock == clock)
            .Select(e => (e.EventType, e.Percentage))];

    /// <summary>An open ticket sorts by the earliest due time of a clock that counts (breached or not); any other by <see cref="Ticket.NotDue"/>.</summary>
    public static void AssertQueueKeyIsConsistent(this Ticket ticket)
    {
        var dues = new[] { ticket.Response, ticket.Resolution }
            .Where(c => ticket.IsOpen && c.IsCounting)
            .Select(c => c.DueAt!.Value)
            .ToList();
        Assert.Equal(dues.Count == 0 ? Ticket.NotDue : dues.Min(), ticket.QueueDueAt);
        Assert.Equal(ticket.IsOpen, ticket.IsOpenFlag);
    }
}
