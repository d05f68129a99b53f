using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Changes;

/// <summary>
/// Records the change, problem and knowledge tests need: customers and incidents written straight to the database
/// (the desk's intake needs agreements, which this suite does not set up), change bodies, and changes walked along
/// their state machine over HTTP.
/// </summary>
internal static class ChangeFixtures
{
    public const string ChangesRoute = "/api/v1/changes";
    public const string FreezesRoute = "/api/v1/freeze-periods";
    public const string ProblemsRoute = "/api/v1/problems";
    public const string ArticlesRoute = "/api/v1/knowledge-articles";

    /// <summary>A catalog product of kind request (what a Standard change comes from).</summary>
    public const string RequestProduct = "OPS-APP-04";

    /// <summary>A support product (a Standard change may not touch it).</summary>
    public const string SupportProduct = "OPS-INF-03";

    private static int _next;

    /// <summary>A day well after the tests' clock (2026-11-24T01:00Z): windows planned on it are in the future.</summary>
    public static DateTimeOffset Day(int day, int hour = 0) => new(2026, 12, day, hour, 0, 0, TimeSpan.Zero);

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> ChangeBody(
        string type = "Normal",
        string risk = "Medium",
        Guid? customerId = null,
        params string[] products) => new()
    {
        ["type"] = type,
        ["risk"] = risk,
        ["summary"] = "Upgrade core switch firmware",
        ["description"] = "Vendor advisory: the current firmware drops VLAN trunks under load.",
        ["implementationPlan"] = "Back up the config, load the new image, reload in the window.",
        ["backoutPlan"] = "Boot the previous image and restore the saved config.",
        ["productCodes"] = products.Length == 0 ? new[] { SupportProduct } : products,
        ["customerId"] = customerId,
    };

    /// <summary>A customer organisation, written to the database (the customers API is another feature's).</summary>
    public static async Task<Guid> SeedCustomerAsync(this ServiceDeskApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var n = Interlocked.Increment(ref _next);
        var customer = new Customer(Guid.CreateVersion7(), $"CUST-{n:D3}{Guid.NewGuid().ToString("N")[..4].ToUpperInvariant()}", $"Customer {n}", [new Contact("Zhang Min", "zhang.min@example.com", null)]);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    /// <summary>An incident for the customer, opened as the desk would (GOLD on a 24x7 Shanghai calendar), numbered from the INC sequence.</summary>
    public static async Task<string> SeedIncidentAsync(this ServiceDeskApiFactory factory, Guid customerId, string? productCode = SupportProduct)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<ITicketNumbers>();
        var level = await db.ServiceLevels.AsNoTracking().FirstAsync(l => l.Code == "GOLD");
        var schedule = WorkingSchedule.TwentyFourSeven("Asia/Shanghai");
        var incident = new NewTicket(await numbers.NextAsync(TicketKind.Incident, CancellationToken.None), TicketKind.Incident, TicketCategory.Incident, customerId,
            productCode, productCode?.Split('-')[0], "Mail relay drops connections", "Outbound mail stalls every morning.", Impact.Medium, Urgency.Medium,
            Channel.Portal, new TicketContact("Zhang Min", "zhang.min@example.com", null), null, "Service Desk");
        var ticket = Ticket.Open(incident, factory.Clock.GetUtcNow(), new SlaContext(level, schedule, schedule), new Actor("seed", "seed", IsCustomer: false));
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        return ticket.Number;
    }

    public static async Task<JsonElement> CreateChangeAsync(this HttpClient agent, object? body = null)
    {
        var response = await agent.PostJsonAsync(ChangesRoute, body ?? ChangeBody());
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> ActAsync(this HttpClient client, string number, string action, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostJsonAsync($"{ChangesRoute}/{number}/{action}", body);
        return await response.ReadJsonAsync(expected);
    }

    public static Task<JsonElement> ScheduleAsync(this HttpClient agent, string number, DateTimeOffset start, DateTimeOffset end, bool? acknowledge = null) =>
        agent.ActAsync(number, "schedule", new Dictionary<string, object?> { ["plannedStart"] = Iso(start), ["plannedEnd"] = Iso(end), ["acknowledgeConflicts"] = acknowledge });

    /// <summary>Creates a change and walks it to Approved (submit, then as many approvals as it needs).</summary>
    public static async Task<string> ApprovedChangeAsync(HttpClient agent, HttpClient approver, HttpClient? secondApprover = null, object? body = null)
    {
        var number = (await agent.CreateChangeAsync(body)).GetProperty("number").GetString()!;
        var submitted = await agent.ActAsync(number, "submit");
        if (submitted.GetProperty("status").GetString() == "Approved")
            return number;
        var approved = await approver.ActAsync(number, "approve", new { comment = "Looks safe." });
        if (approved.GetProperty("status").GetString() != "Approved")
            await (secondApprover ?? throw new InvalidOperationException("This change needs a second approver.")).ActAsync(number, "approve", new { comment = "Agreed." });
        return number;
    }

    /// <summary>Creates a change and walks it to Scheduled in the given window.</summary>
    public static async Task<string> ScheduledChangeAsync(HttpClient agent, HttpClient approver, DateTimeOffset start, DateTimeOffset end, object? body = null, bool? acknowledge = null)
    {
        var number = await ApprovedChangeAsync(agent, approver, body: body);
        await agent.ScheduleAsync(number, start, end, acknowledge);
        return number;
    }

    /// <summary>Creates a change and walks it to Implemented.</summary>
    public static async Task<string> ImplementedChangeAsync(HttpClient agent, HttpClient approver, DateTimeOffset start, object? body = null)
    {
        var number = await ScheduledChangeAsync(agent, approver, start, start.AddHours(1), body, acknowledge: true);
        await agent.ActAsync(number, "start");
        await agent.ActAsync(number, "complete");
        return number;
    }

    public static IReadOnlyList<string> Strings(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}

/// <summary>One API key per role the change tests act as (the requester and the approvers are different keys).</summary>
internal sealed class ChangeStaff : IDisposable
{
    private ChangeStaff(HttpClient agent, HttpClient approver, HttpClient secondApprover, HttpClient manager)
    {
        Agent = agent;
        Approver = approver;
        SecondApprover = secondApprover;
        Manager = manager;
    }

    public HttpClient Agent { get; }

    public HttpClient Approver { get; }

    public HttpClient SecondApprover { get; }

    public HttpClient Manager { get; }

    public static async Task<ChangeStaff> CreateAsync(ServiceDeskApiFactory factory) => new(
        (await factory.CreateClientWithRolesAsync(null, "Agent")).Client,
        (await factory.CreateClientWithRolesAsync(null, "ChangeApprover")).Client,
        (await factory.CreateClientWithRolesAsync(null, "ChangeApprover")).Client,
        (await factory.CreateClientWithRolesAsync(null, "Manager")).Client);

    public void Dispose()
    {
        Agent.Dispose();
        Approver.Dispose();
        SecondApprover.Dispose();
        Manager.Dispose();
    }
}
