using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Api.Tests.Persistence;

/// <summary>Tickets opened in memory as intake opens them (not stored yet), for the tests of intake's INSERT.</summary>
internal static class NewTickets
{
    public static readonly DateTimeOffset OpenedAt = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A GOLD incident of <paramref name="customerId"/> numbered <paramref name="number"/>, with its event and history line pending.</summary>
    public static async Task<Ticket> OpenAsync(ServiceDeskApiFactory factory, Guid customerId, string number)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sla = await scope.ServiceProvider.GetRequiredService<ISlaContexts>().GetAsync("GOLD", CancellationToken.None);
        return Ticket.Open(
            new NewTicket(number, TicketKind.Incident, TicketCategory.Incident, customerId, "OPS-INF-01", "OPS", "Core switch down", "No network on floors 3-5.",
                Impact.High, Urgency.Medium, Channel.Phone, new TicketContact("Zhang Min", "zhang.min@example.com", null), "EXT-1", "Infrastructure"),
            OpenedAt, sla, new Actor("agent-1", "Agent One", false));
    }

    /// <summary>As <see cref="OpenAsync"/>, then assigned, started, resolved and rated: every owned part and most columns set.</summary>
    public static async Task<Ticket> WorkedAsync(ServiceDeskApiFactory factory, Guid customerId, string number)
    {
        var ticket = await OpenAsync(factory, customerId, number);
        await using var scope = factory.Services.CreateAsyncScope();
        var sla = await scope.ServiceProvider.GetRequiredService<ISlaContexts>().GetAsync("GOLD", CancellationToken.None);
        var agent = new Actor("agent-1", "Agent One", false);
        ticket.Assign("Infrastructure", "agent-2", agent, OpenedAt.AddMinutes(5));
        ticket.Start(agent, OpenedAt.AddMinutes(10), sla);
        ticket.Resolve("FIXED", "Replaced the line card.", agent, OpenedAt.AddHours(2), sla);
        ticket.Rate(new SatisfactionValues(5, 4, 5, 4, 5, 3), "Quick.", new Actor("customer-1", "Customer One", true), OpenedAt.AddHours(3));
        return ticket;
    }

    public static string UniqueNumber() => "INC9" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
}
