using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Api.Tests.ServiceDesk;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;
using ServiceDesk.Infrastructure.Persistence;
using ServiceDesk.Infrastructure.Persistence.Outbox;

namespace ServiceDesk.Api.Tests.Integrations;

/// <summary>Deliveries to a real receiver on 127.0.0.1, through the real dispatcher, on SQLite and PostgreSQL.</summary>
public sealed class WebhookDeliveryTests
{
    private static readonly string[] TicketEvents = ["ticket.created", "ticket.updated"];

    [Fact]
    public async Task Events_arrive_signed_with_the_subscription_secret_and_verify()
    {
        await using var database = TestDatabase.Create();
        await using var factory = new WebhookApiFactory(database);
        await using var receiver = await WebhookReceiver.StartAsync();
        using var deliveries = new DeliveryCounter(factory.Services.GetRequiredService<IMeterFactory>());
        var (webhookId, secret) = await factory.SubscribeAsync(receiver.Url("hook"), ["ticket.created"]);
        var desk = new DeskDriver(factory);
        var customer = await desk.CustomerAsync("GOLD");
        using var admin = factory.CreateAdminClient();
        var ticket = await DeskDriver.RaiseAsync(await AgentAsync(factory), DeskDriver.Incident(customer));
        var number = ticket.GetProperty("number").GetString();

        await WebhookTestKit.EventuallyAsync(() => receiver.Delivered.Count == 1, "the ticket.created delivery arrives", TimeSpan.FromSeconds(15));
        var received = receiver.Delivered[0];
        Assert.Equal("ticket.created", received.EventType);
        Assert.True(received.Verifies(secret), $"signature {received.Signature} verifies");
        Assert.Matches("^sha256=[0-9a-f]{64}$", received.Signature);
        Assert.Equal(ServiceDeskApiFactory.StartOfTests.ToUnixTimeSeconds(), received.Timestamp);
        var body = received.Json;
        Assert.Equal(received.DeliveryId, body.GetProperty("id").GetGuid());
        Assert.Equal("ticket.created", body.GetProperty("type").GetString());
        Assert.Equal("2026-11-24T01:00:00Z", body.GetProperty("occurredAt").GetString());
        Assert.Equal(number, received.Number);
        Assert.Equal(customer, body.GetProperty("data").GetProperty("customerId").GetGuid());

        // Rotated: the next delivery carries two signatures, the new secret's first; both verify.
        var rotated = await (await admin.PostAsync($"/api/v1/webhooks/{webhookId}/rotate-secret", null)).ReadJsonAsync();
        var newSecret = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(secret, newSecret);
        await DeskDriver.RaiseAsync(await AgentAsync(factory), DeskDriver.Incident(customer));
        await WebhookTestKit.EventuallyAsync(() => receiver.Delivered.Count == 2, "the second delivery arrives", TimeSpan.FromSeconds(15));
        var second = receiver.Delivered[1];
        var signatures = second.Signature.Split(',');
        Assert.Equal(2, signatures.Length);
        Assert.True(second.Verifies(newSecret));
        Assert.True(second.Verifies(secret));
        Assert.False(second.Verifies("whsec_" + new string('0', 64)));

        // The receiver has both; the dispatcher records the second outcome just after the receiver answered.
        var delivered = await factory.DeliveriesAsync(webhookId, "Delivered");
        for (var i = 0; i < 50 && delivered.Length < 2; i++)
        {
            await Task.Delay(100);
            delivered = await factory.DeliveriesAsync(webhookId, "Delivered");
        }

        Assert.Equal(2, delivered.Length);
        Assert.All(delivered, d => Assert.Equal(1, d.GetProperty("attempts").GetInt32()));
        // The product metric counts each saved outcome once (this host's meter only).
        await WebhookTestKit.EventuallyAsync(() => deliveries.Delivered == 2, "servicedesk.webhook.deliveries{outcome=delivered} reaches 2", TimeSpan.FromSeconds(5));
        Assert.Equal(0, deliveries.Other);
    }

    /// <summary>Listens to <c>servicedesk.webhook.deliveries</c> of one host's meter factory.</summary>
    private sealed class DeliveryCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _delivered;
        private long _other;

        public DeliveryCounter(IMeterFactory scope)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == scope && instrument.Name == "servicedesk.webhook.deliveries")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "outcome")
                        Interlocked.Add(ref Equals(tag.Value, "delivered") ? ref _delivered : ref _other, value);
                }
            });
            _listener.Start();
        }

        public long Delivered => Interlocked.Read(ref _delivered);

        public long Other => Interlocked.Read(ref _other);

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public async Task A_receiver_down_for_several_attempts_gets_each_event_once_when_it_is_back()
    {
        await using var database = TestDatabase.Create();
        await using var factory = new WebhookApiFactory(database);
        await using var receiver = await WebhookReceiver.StartAsync();
        var calls = 0;
        receiver.Answer = _ => ++calls <= 3 ? 503 : 200;
        var (webhookId, _) = await factory.SubscribeAsync(receiver.Url("hook"), ["ticket.created"]);
        var customer = await new DeskDriver(factory).CustomerAsync("GOLD");
        await DeskDriver.RaiseAsync(await AgentAsync(factory), DeskDriver.Incident(customer));

        // The receiver has answered before the dispatcher records the answer: wait for the record.
        await WebhookTestKit.EventuallyAsync(async () => (await factory.DeliveriesAsync(webhookId, "Pending")) is [var d] && d.GetProperty("attempts").GetInt32() == 1,
            "the first failed attempt is recorded");
        var pending = Assert.Single(await factory.DeliveriesAsync(webhookId, "Pending"));
        Assert.Equal(503, pending.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal("503 Service Unavailable", pending.GetProperty("lastError").GetString());
        Assert.Equal(1, pending.GetProperty("attempts").GetInt32());
        Assert.NotEqual(JsonValueKindNull, pending.GetProperty("nextAttemptAt").ValueKind);

        // Retries are 1 s, 2 s, 4 s apart (at most): moving the clock 5 s at a time makes each due.
        await WebhookTestKit.EventuallyAsync(() => receiver.Delivered.Count == 1, "the event is delivered after three failures", TimeSpan.FromSeconds(30),
            () => factory.Clock.Advance(TimeSpan.FromSeconds(5)));
        await Task.Delay(500);
        Assert.Equal(4, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.DeliveryId).Distinct());
        Assert.Single(receiver.Delivered);
        var delivered = Assert.Single(await factory.DeliveriesAsync(webhookId, "Delivered"));
        Assert.Equal(4, delivered.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Events_pending_when_the_API_stops_are_delivered_once_after_it_starts_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => 503;
        await using var database = TestDatabase.Create();
        var numbers = new string[3];
        await using (var first = new WebhookApiFactory(database))
        {
            await first.SubscribeAsync(receiver.Url("hook"), ["ticket.created"]);
            var customer = await new DeskDriver(first).CustomerAsync("GOLD");
            var agent = await AgentAsync(first);
            for (var i = 0; i < 3; i++)
                numbers[i] = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer))).GetProperty("number").GetString()!;
            await WebhookTestKit.EventuallyAsync(() => receiver.Received.Select(r => r.Number).Distinct().Count() == 3, "each event has had a failed attempt");
        }

        // The API is stopped with three events pending; the receiver comes back; the API starts again.
        receiver.Answer = _ => 200;
        await using var restarted = new WebhookApiFactory(database);
        _ = restarted.Services;
        await WebhookTestKit.EventuallyAsync(() => receiver.Delivered.Count >= 3, "every pending event is delivered after the restart", TimeSpan.FromSeconds(30),
            () => restarted.Clock.Advance(TimeSpan.FromSeconds(5)));
        await Task.Delay(500);
        Assert.Equal(numbers.Order(), receiver.Delivered.Select(r => r.Number).Order());
        Assert.Equal(3, receiver.Delivered.Select(r => r.DeliveryId).Distinct().Count());
    }

    [Fact]
    public async Task An_event_of_a_rolled_back_change_is_never_delivered()
    {
        await using var database = TestDatabase.Create();
        await using var factory = new WebhookApiFactory(database);
        await using var receiver = await WebhookReceiver.StartAsync();
        await factory.SubscribeAsync(receiver.Url("hook"), ["ticket.updated", "ticket.created"]);
        Guid rolledBack;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            var message = OutboxMessage.For(new TicketUpdated("INC999999", factory.Clock.GetUtcNow(), ["status"], TicketStatus.Assigned));
            rolledBack = message.Id;
            // A transaction of our own runs inside the execution strategy, as in the product code.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.OutboxMessages.Add(message);
                await db.SaveChangesAsync();
                await Task.Delay(300); // the save woke the dispatcher: it must not see the uncommitted event
                await transaction.RollbackAsync();
            });
        }

        var customer = await new DeskDriver(factory).CustomerAsync("GOLD");
        await DeskDriver.RaiseAsync(await AgentAsync(factory), DeskDriver.Incident(customer));
        await WebhookTestKit.EventuallyAsync(() => receiver.Delivered.Count == 1, "the committed event arrives");
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(500);
        Assert.DoesNotContain(receiver.Received, r => r.DeliveryId == rolledBack);
        Assert.Equal("ticket.created", Assert.Single(receiver.Received).EventType);
    }

    [Fact]
    public async Task Events_about_one_ticket_reach_a_subscription_in_order_even_across_retries()
    {
        await using var database = TestDatabase.Create();
        await using var factory = new WebhookApiFactory(database);
        await using var receiver = await WebhookReceiver.StartAsync();
        var calls = 0;
        receiver.Answer = _ => ++calls == 1 ? 503 : 200;
        await factory.SubscribeAsync(receiver.Url("hook"), TicketEvents);
        var customer = await new DeskDriver(factory).CustomerAsync("GOLD");
        var agent = await AgentAsync(factory);
        var number = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer))).GetProperty("number").GetString();
        await WebhookTestKit.EventuallyAsync(() => receiver.Received.Count == 1, "ticket.created has failed once");

        // Two more changes to the ticket while its first event waits for its retry.
        (await agent.PatchJsonAsync($"/api/v1/incidents/{number}", new { summary = "Core switch down, building B" })).EnsureSuccessStatusCode();
        (await agent.PatchJsonAsync($"/api/v1/incidents/{number}", new { summary = "Core switch down, building B (floors 3-5)" })).EnsureSuccessStatusCode();
        await Task.Delay(700);
        Assert.Single(receiver.Received); // nothing after the failed ticket.created went out

        await WebhookTestKit.EventuallyAsync(() => receiver.Delivered.Count == 3, "all three events are delivered", TimeSpan.FromSeconds(30),
            () => factory.Clock.Advance(TimeSpan.FromSeconds(5)));
        Assert.Equal(["ticket.created", "ticket.created", "ticket.updated", "ticket.updated"], receiver.Received.Select(r => r.EventType));
        var updates = receiver.Delivered.Where(r => r.EventType == "ticket.updated").Select(r => r.Json.GetProperty("id").GetGuid()).ToList();
        Assert.True(updates[0].CompareTo(updates[1]) != 0);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_does_not_hold_up_another_subscription()
    {
        await using var database = TestDatabase.Create();
        await using var factory = new WebhookApiFactory(database);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = path => path == "stuck" ? 0 : 200;
        await factory.SubscribeAsync(receiver.Url("stuck"), ["ticket.created"]);
        await factory.SubscribeAsync(receiver.Url("healthy"), ["ticket.created"]);
        var customer = await new DeskDriver(factory).CustomerAsync("GOLD");
        var agent = await AgentAsync(factory);
        for (var i = 0; i < 3; i++)
            await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer));

        await WebhookTestKit.EventuallyAsync(() => receiver.Delivered.Count(r => r.Path == "healthy") == 3, "the healthy receiver gets all three events", TimeSpan.FromSeconds(15));
        Assert.DoesNotContain(receiver.Received, r => r.Path == "stuck");
    }

    [Fact]
    public async Task A_subscription_for_one_customer_receives_only_that_customers_events()
    {
        await using var database = TestDatabase.Create();
        await using var factory = new WebhookApiFactory(database);
        await using var receiver = await WebhookReceiver.StartAsync();
        var desk = new DeskDriver(factory);
        var acme = await desk.CustomerAsync("GOLD");
        var globex = await desk.CustomerAsync("SILVER");
        var (webhookId, _) = await factory.SubscribeAsync(receiver.Url("acme"), ["ticket.created"], acme);
        await factory.SubscribeAsync(receiver.Url("all"), ["ticket.created"]);
        var agent = await AgentAsync(factory);
        var globexTicket = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(globex))).GetProperty("number").GetString();
        var acmeTicket = (await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(acme))).GetProperty("number").GetString();

        await WebhookTestKit.EventuallyAsync(() => receiver.Delivered.Count == 3, "three deliveries arrive");
        await Task.Delay(300);
        Assert.Equal([acmeTicket], receiver.Delivered.Where(r => r.Path == "acme").Select(r => r.Number));
        Assert.Equal(new[] { globexTicket, acmeTicket }.Order(), receiver.Delivered.Where(r => r.Path == "all").Select(r => r.Number).Order());
        Assert.Single(await factory.DeliveriesAsync(webhookId));
    }

    [PostgresFact]
    public async Task Two_dispatchers_on_one_database_deliver_each_of_500_events_exactly_once()
    {
        await using var database = TestDatabase.Create();
        await using var first = new WebhookApiFactory(database);
        await using var second = new WebhookApiFactory(database);
        await using var receiver = await WebhookReceiver.StartAsync();
        await first.SubscribeAsync(receiver.Url("hook"), ["ticket.created"]);
        _ = second.Services;

        var written = new List<Guid>();
        for (var batch = 0; batch < 10; batch++)
        {
            var host = batch % 2 == 0 ? first : second;
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            for (var i = 0; i < 50; i++)
            {
                var message = OutboxMessage.For(new TicketCreated($"INC{(batch * 50) + i:D6}", host.Clock.GetUtcNow(), TicketKind.Incident, Priority.P3, Guid.NewGuid(), "Service Desk"));
                written.Add(message.Id);
                db.OutboxMessages.Add(message);
            }

            await db.SaveChangesAsync();
        }

        // The clocks stand still: the saves woke both dispatchers, and a claim's lease (70 s of test time) never runs
        // out, so a second send of one event could only come from two dispatchers claiming it.
        await WebhookTestKit.EventuallyAsync(() => receiver.Delivered.Select(r => r.DeliveryId).Distinct().Count() == 500, "all 500 events are delivered", TimeSpan.FromSeconds(120));
        await Task.Delay(1000);
        Assert.Equal(500, receiver.Received.Count);
        Assert.Equal(written.Order(), receiver.Received.Select(r => r.DeliveryId).Order());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static async Task<HttpClient> AgentAsync(ServiceDeskApiFactory factory) => (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
}
