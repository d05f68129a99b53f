using System.Net;
using System.Net.Http.Json;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.ServiceDesk;

/// <summary>
/// The single intake. The test clock stands at Tuesday 2026-11-24 09:00 Asia/Shanghai (01:00Z); GOLD measures on
/// 7X12-CN (08:00-20:00 every day), SILVER on 5X8-CN (09:00-12:00, 13:00-18:00 Mon-Fri).
/// </summary>
public sealed class IntakeTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private readonly DeskDriver _desk = new(factory);

    [Fact]
    public async Task An_incident_is_numbered_prioritised_routed_and_timed()
    {
        var customer = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;

        var response = await agent.PostAsJsonAsync("/api/v1/service-desk/tickets", DeskDriver.Incident(customer));
        var ticket = await response.ReadJsonAsync(HttpStatusCode.Created);

        Assert.Matches("^INC[0-9]{6}$", ticket.GetProperty("number").GetString());
        Assert.Equal($"/api/v1/incidents/{ticket.GetProperty("number").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Equal("incident", ticket.GetProperty("kind").GetString());
        Assert.Equal("P2", ticket.GetProperty("priority").GetString());
        Assert.Equal("GOLD", ticket.GetProperty("serviceLevel").GetString());
        Assert.Equal("Infrastructure", ticket.GetProperty("assignmentGroup").GetString());
        Assert.Equal("New", ticket.GetProperty("status").GetString());
        // GOLD P2: response 60 minutes, resolution 720 (11 h left on Tuesday until 20:00, then 08:00-09:00 Wednesday).
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DeskDriver.Instant(ticket, "responseDueAt"));
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DeskDriver.Instant(ticket, "resolutionDueAt"));
    }

    [Fact]
    public async Task A_complaint_is_an_incident_in_category_complaint_at_P3_unless_the_matrix_says_more()
    {
        var customer = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;

        var low = await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer, impact: "Low", urgency: "Low", type: "complaint"));
        var high = await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer, impact: "High", urgency: "High", type: "complaint"));

        Assert.Equal("P3", low.GetProperty("priority").GetString());
        Assert.Equal("P1", high.GetProperty("priority").GetString());
        var incident = await (await agent.GetAsync($"/api/v1/incidents/{low.GetProperty("number").GetString()}")).ReadJsonAsync();
        Assert.Equal("Complaint", incident.GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_service_request_orders_a_requestable_product_and_is_numbered_REQ()
    {
        var customer = await _desk.CustomerAsync("SILVER");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;

        var request = await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer, productCode: "OPS-DC-03", type: "serviceRequest"));

        Assert.Matches("^REQ[0-9]{6}$", request.GetProperty("number").GetString());
        Assert.Equal("serviceRequest", request.GetProperty("kind").GetString());
        Assert.Equal("Data Center", request.GetProperty("assignmentGroup").GetString());
        var read = await (await agent.GetAsync($"/api/v1/service-requests/{request.GetProperty("number").GetString()}")).ReadJsonAsync();
        Assert.Equal("Request", read.GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_service_request_for_a_support_product_is_refused()
    {
        var customer = await _desk.CustomerAsync("SILVER");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;

        var response = await agent.PostAsJsonAsync("/api/v1/service-desk/tickets", DeskDriver.Incident(customer, productCode: "OPS-INF-01", type: "serviceRequest"));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, field: "productCode");
    }

    [Fact]
    public async Task An_inquiry_without_a_product_goes_to_triage_at_the_customers_best_level()
    {
        var customer = await _desk.CustomerAsync("SILVER");
        await _desk.AgreementAsync(customer, "PLATINUM", "SEC");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;

        var inquiry = await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer, productCode: null, type: "inquiry"));

        Assert.Matches("^REQ", inquiry.GetProperty("number").GetString());
        Assert.Equal("Service Desk", inquiry.GetProperty("assignmentGroup").GetString());
        Assert.Equal("PLATINUM", inquiry.GetProperty("serviceLevel").GetString());
        var read = await (await agent.GetAsync($"/api/v1/service-requests/{inquiry.GetProperty("number").GetString()}")).ReadJsonAsync();
        Assert.Equal("Inquiry", read.GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_change_request_becomes_a_draft_change()
    {
        var customer = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;

        var change = await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer, type: "changeRequest"));

        Assert.Matches("^CHG[0-9]{6}$", change.GetProperty("number").GetString());
        Assert.Equal("change", change.GetProperty("kind").GetString());
        Assert.Equal("Draft", change.GetProperty("status").GetString());
        var found = await (await agent.GetAsync($"/api/v1/service-desk/tickets/{change.GetProperty("number").GetString()}")).ReadJsonAsync();
        Assert.Equal("change", found.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_product_outside_every_agreement_is_not_entitled()
    {
        var customer = await _desk.CustomerAsync("GOLD", lineCode: "OPS");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;

        var response = await agent.PostAsJsonAsync("/api/v1/service-desk/tickets", DeskDriver.Incident(customer, productCode: "MNT-HW-01"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, typeEndsWith: "not-entitled");
        Assert.Contains("MNT-HW-01", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_customer_is_400_naming_customerId_not_a_refused_entitlement()
    {
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;

        var response = await agent.PostAsJsonAsync("/api/v1/service-desk/tickets", DeskDriver.Incident(Guid.NewGuid()));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field: "customerId", typeEndsWith: "/validation");
    }

    [Fact]
    public async Task A_retired_product_cannot_be_ticketed()
    {
        var customer = await _desk.CustomerAsync("GOLD", lineCode: "TOOL");
        using var admin = factory.CreateAdminClient();
        (await admin.PostAsync("/api/v1/catalog/products/TOOL-ITSM-03/retire", null)).EnsureSuccessStatusCode();

        var response = await admin.PostAsJsonAsync("/api/v1/service-desk/tickets", DeskDriver.Incident(customer, productCode: "TOOL-ITSM-03", type: "serviceRequest"));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, field: "productCode");
    }

    [Theory]
    [InlineData("summary", null, "summary")]
    [InlineData("impact", "Huge", "impact")]
    [InlineData("channel", "fax", "channel")]
    [InlineData("type", "wish", "type")]
    public async Task Bad_fields_are_400_naming_the_field(string field, string? value, string expectedField)
    {
        var customer = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var body = System.Text.Json.JsonSerializer.SerializeToNode(DeskDriver.Incident(customer), WebJson)!.AsObject();
        body[field] = value;

        var response = await agent.PostAsJsonAsync("/api/v1/service-desk/tickets", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field: expectedField);
    }

    [Fact]
    public async Task A_bad_contact_email_is_400_naming_contact_email()
    {
        var customer = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var body = System.Text.Json.JsonSerializer.SerializeToNode(DeskDriver.Incident(customer), WebJson)!.AsObject();
        body["contact"]!["email"] = "not-an-email";

        var response = await agent.PostAsJsonAsync("/api/v1/service-desk/tickets", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field: "contact.email");
    }

    [Fact]
    public async Task A_customer_key_raises_for_its_own_customer_only()
    {
        var mine = await _desk.CustomerAsync("GOLD");
        var other = await _desk.CustomerAsync("GOLD");
        using var customer = (await factory.CreateClientWithRolesAsync(mine, "Customer")).Client;

        await DeskDriver.RaiseAsync(customer, DeskDriver.Incident(mine));
        var response = await customer.PostAsJsonAsync("/api/v1/service-desk/tickets", DeskDriver.Incident(other));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_and_body_returns_the_first_ticket()
    {
        var customer = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var body = DeskDriver.Incident(customer, externalReference: "RETRY-1");

        var first = await SendWithKeyAsync(agent, "retry-key-1", body);
        var second = await SendWithKeyAsync(agent, "retry-key-1", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var a = await first.ReadJsonAsync(HttpStatusCode.Created);
        var b = await second.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(a.GetProperty("number").GetString(), b.GetProperty("number").GetString());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var found = await (await agent.GetAsync("/api/v1/service-desk/tickets?externalReference=RETRY-1")).ReadJsonAsync();
        Assert.Equal(1, found.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_refused()
    {
        var customer = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;

        (await SendWithKeyAsync(agent, "retry-key-2", DeskDriver.Incident(customer))).EnsureSuccessStatusCode();
        var response = await SendWithKeyAsync(agent, "retry-key-2", DeskDriver.Incident(customer, impact: "Low"));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, typeEndsWith: "idempotency-key-reused");
    }

    [Fact]
    public async Task Fifty_parallel_intakes_get_fifty_distinct_numbers()
    {
        var customer = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => agent.PostAsJsonAsync("/api/v1/service-desk/tickets", DeskDriver.Incident(customer))));
        var numbers = new List<string>();
        foreach (var response in responses)
            numbers.Add((await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("number").GetString()!);

        Assert.Equal(50, numbers.Distinct().Count());
    }

    [Fact]
    public async Task The_desk_finds_a_ticket_by_number_and_by_external_reference()
    {
        var customer = await _desk.CustomerAsync("GOLD");
        using var agent = (await factory.CreateClientWithRolesAsync(null, "Agent")).Client;
        var raised = await DeskDriver.RaiseAsync(agent, DeskDriver.Incident(customer, externalReference: "ACME-7781"));
        var number = raised.GetProperty("number").GetString();

        var byNumber = await (await agent.GetAsync($"/api/v1/service-desk/tickets/{number}")).ReadJsonAsync();
        var byReference = await (await agent.GetAsync("/api/v1/service-desk/tickets?externalReference=ACME-7781")).ReadJsonAsync();

        Assert.Equal("incident", byNumber.GetProperty("kind").GetString());
        Assert.Equal(number, byReference.GetProperty("items")[0].GetProperty("number").GetString());
        await (await agent.GetAsync("/api/v1/service-desk/tickets/INC999999")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/service-desk/tickets") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
