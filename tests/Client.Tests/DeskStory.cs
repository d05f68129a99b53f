using System.Globalization;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Client.Tests;

/// <summary>
/// The desk's story, one step per method, each through the generated client only (a client per caller, each with its
/// own key): state carried between steps lives here, so a step (e.g. a manager reading the reports) slots in anywhere.
/// </summary>
public sealed class DeskStory(ServiceDeskApiFactory factory) : IDisposable
{
    private readonly List<HttpClient> _http = [];

    public Guid CustomerId { get; private set; }

    public string? CustomerCode { get; private set; }

    public string? IncidentNumber { get; private set; }

    public string? ChangeNumber { get; private set; }

    /// <summary>Keys issued by the admin, by role.</summary>
    public Dictionary<string, ServiceDeskClient> Callers { get; } = new(StringComparer.Ordinal);

    public ServiceDeskClient Admin => Client(ServiceDeskApiFactory.AdminKey);

    /// <summary>The admin creates the customer with a GOLD agreement on the OPS line, and one key per role.</summary>
    public async Task AdminSetsUpACustomerAndAgreementAsync()
    {
        var admin = Admin;
        var customer = await admin.CreateCustomerAsync(Guid.NewGuid().ToString(), new CreateCustomerCommand
        {
            Code = "STORY-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
            Name = "Story Manufacturing Ltd.",
            Contacts = [new ContactBody { Name = "Zhang Min", Email = "zhang.min@story.example" }],
        });
        CustomerId = customer.Id!.Value;
        CustomerCode = customer.Code;
        var agreement = await admin.CreateAgreementAsync(CustomerId, null, new AgreementBody
        {
            ServiceLevelCode = "GOLD",
            ProductLineCode = "OPS",
            ProductCodes = null!,
            ValidFrom = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
        Assert.Equal(AgreementStatus.Active, agreement.Status);

        foreach (var role in new[] { "Agent", "Customer", "ChangeApprover", "Manager" })
        {
            var key = await admin.CreateApiKeyAsync(null, new CreateApiKeyCommand
            {
                Name = "story-" + role.ToLowerInvariant(),
                Roles = [role],
                CustomerId = role == "Customer" ? CustomerId : null,
            });
            Callers[role] = Client(key.Key!);
        }
    }

    /// <summary>The customer raises an incident on its own: GOLD, P2 (High impact, Medium urgency), routed to Infrastructure.</summary>
    public async Task CustomerRaisesAnIncidentAsync()
    {
        var raised = await Callers["Customer"].RaiseTicketAsync(Guid.NewGuid().ToString(), new RaiseTicketCommand
        {
            Type = IntakeType.Incident,
            CustomerId = CustomerId,
            ProductCode = "OPS-INF-01",
            Summary = "Core switch in building B is down",
            Description = "No network on floors 3-5 since 08:40.",
            Impact = Impact.High,
            Urgency = Urgency.Medium,
            Channel = Channel.Portal,
            Contact = new ContactBody { Name = "Zhang Min", Email = "zhang.min@story.example" },
        });
        Assert.Equal(Priority.P2, raised.Priority);
        Assert.Equal("GOLD", raised.ServiceLevel);
        Assert.Equal("Infrastructure", raised.AssignmentGroup);
        IncidentNumber = raised.Number;
    }

    /// <summary>An agent assigns, starts, holds (the clock pauses), resumes and resolves it.</summary>
    public async Task AgentWorksItThroughHoldAndResolveAsync()
    {
        var agent = Callers["Agent"];
        var number = IncidentNumber!;
        await agent.AssignIncidentAsync(number, null, new AssignBody { Group = "Infrastructure", Assignee = "li.wei" });
        await agent.StartIncidentAsync(number, null);
        var held = await agent.HoldIncidentAsync(number, null, new ReasonBody { Reason = "Waiting for the spare part" });
        Assert.Equal(TicketStatus.OnHold, held.Status);
        Assert.Equal("Waiting for the spare part", held.HoldReason);
        await agent.ResumeIncidentAsync(number, null);
        var resolved = await agent.ResolveIncidentAsync(number, null, new ResolveBody { ResolutionCode = "Fixed", Notes = "Replaced the line card." });
        Assert.Equal(TicketStatus.Resolved, resolved.Status);
    }

    /// <summary>The customer rates it: dimensions 7, 6, 6, 5, 6 give a mean of 6, a score of (6 - 1) / 6 * 100.</summary>
    public async Task CustomerRatesItAsync()
    {
        var rating = await Callers["Customer"].RateIncidentAsync(IncidentNumber!, null, new SatisfactionBody
        {
            Overall = 6, Reliability = 7, Responsiveness = 6, Assurance = 6, Empathy = 5, Tangibles = 6, Comment = "Fixed before lunch.",
        });
        Assert.Equal(83.33, rating.Score!.Value, 2);
        var incident = await Callers["Customer"].GetIncidentAsync(IncidentNumber!, null);
        Assert.Equal(6, incident.Satisfaction!.Overall);
    }

    /// <summary>
    /// A manager reads the compliance and service-quality reports of the day around the story, grouped by customer: the
    /// story's customer has one incident opened, resolved within its targets and rated 83.33.
    /// </summary>
    public async Task AManagerReadsTheReportsAsync()
    {
        var manager = Callers["Manager"];
        var now = factory.Clock.GetUtcNow();
        var from = now.AddDays(-1).ToString("O", CultureInfo.InvariantCulture);
        var to = now.AddDays(1).ToString("O", CultureInfo.InvariantCulture);

        var compliance = await manager.GetSlaComplianceReportAsync(from, to, "customer");
        var ours = Assert.Single(compliance.Groups!, g => g.Key == CustomerCode);
        Assert.Equal(1, ours.ResolutionMet);
        Assert.Equal(0, ours.ResolutionBreached);
        Assert.Equal(100, ours.ResolutionCompliancePercent);

        var quality = await manager.GetServiceQualityReportAsync(from, to, "customer");
        var group = Assert.Single(quality.Groups!, g => g.Key == CustomerCode);
        Assert.Equal(1, group.Opened);
        Assert.Equal(1, group.Resolved);
        Assert.Equal(1, group.Ratings);
        Assert.Equal(83.33, group.SatisfactionIndex!.Value, 2);
    }

    /// <summary>An agent requests a Normal, Medium-risk change; submitted, approved once, scheduled in December.</summary>
    public async Task AChangeGoesFromRequestToScheduledAsync()
    {
        var agent = Callers["Agent"];
        var change = await agent.CreateChangeAsync(Guid.NewGuid().ToString(), new CreateChangeCommand
        {
            Type = ChangeType.Normal,
            Risk = ChangeRisk.Medium,
            Summary = "Upgrade core switch firmware",
            Description = "Vendor advisory: trunks drop under load.",
            ImplementationPlan = "Back up the config, load the new image, reload.",
            BackoutPlan = "Boot the previous image, restore the config.",
            ProductCodes = ["OPS-INF-03"],
            CustomerId = CustomerId,
        });
        Assert.Equal(ChangeStatus.Draft, change.Status);
        ChangeNumber = change.Number!;

        Assert.Equal(ChangeStatus.Submitted, (await agent.SubmitChangeAsync(ChangeNumber, null)).Status);
        Assert.Equal(ChangeStatus.Approved, (await Callers["ChangeApprover"].ApproveChangeAsync(ChangeNumber, null, new DecisionBody { Comment = "Backout tested." })).Status);
        var scheduled = await agent.ScheduleChangeAsync(ChangeNumber, null, new ScheduleBody
        {
            PlannedStart = new DateTimeOffset(2026, 12, 10, 14, 0, 0, TimeSpan.Zero),
            PlannedEnd = new DateTimeOffset(2026, 12, 10, 16, 0, 0, TimeSpan.Zero),
        });
        Assert.Equal(ChangeStatus.Scheduled, scheduled.Status);

        // The customer follows the change through its own key, read-only.
        Assert.Equal(ChangeStatus.Scheduled, (await Callers["Customer"].GetChangeAsync(ChangeNumber, null)).Status);
    }

    public void Dispose()
    {
        foreach (var client in _http)
            client.Dispose();
    }

    private ServiceDeskClient Client(string key)
    {
        var http = factory.CreateClient(key);
        _http.Add(http);
        return new ServiceDeskClient(http);
    }
}
