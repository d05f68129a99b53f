using System.Net;
using System.Net.Http.Json;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Customers;

/// <summary>The customer routes: create, read, replace, list and filters, validation, ETags, roles and customer isolation.</summary>
public sealed class CustomerEndpointTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    [Fact]
    public async Task A_created_customer_is_active_and_readable_with_its_ETag()
    {
        using var admin = factory.CreateAdminClient();
        var code = HttpClientExtensions.NewCode("CUST");

        var response = await admin.PostAsJsonAsync("/api/v1/customers", new
        {
            code,
            name = "  ACME Manufacturing  ",
            contacts = new object[] { new { name = "Li Wei", email = "li.wei@acme.example" }, new { name = "Zhang San", phone = "+86 10 1234 5678" } },
        });
        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        Assert.Equal($"/api/v1/customers/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(code, created.GetProperty("code").GetString());
        Assert.Equal("ACME Manufacturing", created.GetProperty("name").GetString());
        Assert.True(created.GetProperty("active").GetBoolean());
        Assert.Equal(2, created.GetProperty("contacts").GetArrayLength());
        Assert.Equal("li.wei@acme.example", created.GetProperty("contacts")[0].GetProperty("email").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created.GetProperty("contacts")[0].GetProperty("phone").ValueKind);

        var read = await admin.GetAsync($"/api/v1/customers/{id}");
        Assert.Equal(code, (await read.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(response.ETag(), read.ETag());
        Assert.Equal(HttpStatusCode.NotModified, (await admin.GetIfNoneMatchAsync($"/api/v1/customers/{id}", read.ETag())).StatusCode);
    }

    [Fact]
    public async Task A_code_that_is_taken_is_a_conflict()
    {
        var existing = await CustomerApi.CreateAsync(factory);
        using var admin = factory.CreateAdminClient();

        await (await admin.PostAsJsonAsync("/api/v1/customers", new { code = existing.Code, name = "Other", contacts = Array.Empty<object>() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "code");
    }

    public static TheoryData<string, string> InvalidCustomers => new()
    {
        { """{ "code": "acme", "name": "ACME", "contacts": [] }""", "code" },
        { """{ "name": "ACME", "contacts": [] }""", "code" },
        { """{ "code": "ACME-X", "name": " ", "contacts": [] }""", "name" },
        { """{ "code": "ACME-X", "name": "ACME" }""", "contacts" },
        { """{ "code": "ACME-X", "name": "ACME", "contacts": [{ "email": "a@b.example" }] }""", "contacts[0].name" },
        { """{ "code": "ACME-X", "name": "ACME", "contacts": [{ "name": "A" }, { "name": "B", "email": "not an address" }] }""", "contacts[1].email" },
        { """{ "code": "ACME-X", "name": "ACME", "contacts": "Li Wei" }""", "contacts" },
    };

    [Theory]
    [MemberData(nameof(InvalidCustomers))]
    public async Task An_invalid_customer_is_refused_naming_the_field(string json, string field)
    {
        using var admin = factory.CreateAdminClient();

        await (await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/customers", json)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Replacing_a_customer_changes_name_contacts_and_active_flag_but_never_the_code()
    {
        var customer = await CustomerApi.CreateAsync(factory);
        using var admin = factory.CreateAdminClient();
        var url = $"/api/v1/customers/{customer.Id}";

        var updated = await admin.SendJsonAsync(HttpMethod.Put, url, new { name = "Renamed", contacts = Array.Empty<object>(), active = false }, customer.ETag);
        var body = await updated.ReadJsonAsync();
        Assert.Equal("Renamed", body.GetProperty("name").GetString());
        Assert.Equal(customer.Code, body.GetProperty("code").GetString());
        Assert.False(body.GetProperty("active").GetBoolean());
        Assert.Equal(0, body.GetProperty("contacts").GetArrayLength());
        Assert.NotEqual(customer.ETag, updated.ETag());

        // Leaving "active" out keeps it as it is.
        var kept = await (await admin.SendJsonAsync(HttpMethod.Put, url, new { name = "Renamed again", contacts = Array.Empty<object>() })).ReadJsonAsync();
        Assert.False(kept.GetProperty("active").GetBoolean());

        await (await admin.SendJsonAsync(HttpMethod.Put, url, new { name = "Stale", contacts = Array.Empty<object>() }, customer.ETag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await admin.SendJsonAsync(HttpMethod.Put, url, new { name = "", contacts = Array.Empty<object>() })).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/customers/{Guid.NewGuid()}", new { name = "X", contacts = Array.Empty<object>() })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Customers_are_listed_by_code_and_filtered_by_active_flag_and_text()
    {
        var prefix = HttpClientExtensions.NewCode("LIST");
        var a = await CustomerApi.CreateAsync(factory, prefix + "-A");
        var b = await CustomerApi.CreateAsync(factory, prefix + "-B");
        var c = await CustomerApi.CreateAsync(factory, prefix + "-C");
        using var admin = factory.CreateAdminClient();
        await (await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/customers/{b.Id}", new { name = "Inactive", contacts = Array.Empty<object>(), active = false })).ReadJsonAsync();

        var q = Uri.EscapeDataString(prefix.ToLowerInvariant());
        var first = await (await admin.GetAsync($"/api/v1/customers?q={q}&limit=2")).ReadJsonAsync();
        var second = await (await admin.GetAsync($"/api/v1/customers?q={q}&limit=2&cursor={Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!)}")).ReadJsonAsync();
        Assert.Equal([a.Code, b.Code], first.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("code").GetString()!).ToArray());
        Assert.Equal([c.Code], second.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("code").GetString()!).ToArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        var inactive = await (await admin.GetAsync($"/api/v1/customers?q={q}&active=false")).ReadJsonAsync();
        Assert.Equal([b.Code], inactive.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("code").GetString()!).ToArray());
        await (await admin.GetAsync("/api/v1/customers?active=maybe")).AssertProblemAsync(HttpStatusCode.BadRequest, "active");
    }

    [Fact]
    public async Task An_unknown_customer_is_404()
    {
        using var admin = factory.CreateAdminClient();

        await (await admin.GetAsync($"/api/v1/customers/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync("/api/v1/customers/not-a-guid")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_customer_key_sees_only_its_own_customer_and_another_one_is_404_as_if_missing()
    {
        var own = await CustomerApi.CreateAsync(factory);
        var other = await CustomerApi.CreateAsync(factory);
        var (client, _, _) = await factory.CreateClientWithRolesAsync(own.Id, "Customer");
        using (client)
        {
            await (await client.GetAsync($"/api/v1/customers/{own.Id}")).ReadJsonAsync();

            var otherProblem = await (await client.GetAsync($"/api/v1/customers/{other.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
            var missingProblem = await (await client.GetAsync($"/api/v1/customers/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal(missingProblem.GetProperty("title").GetString(), otherProblem.GetProperty("title").GetString());

            var list = await (await client.GetAsync("/api/v1/customers?limit=200")).ReadJsonAsync();
            Assert.Equal([own.Id], list.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ToArray());
        }
    }

    [Fact]
    public async Task A_customer_key_may_not_write_customers()
    {
        var own = await CustomerApi.CreateAsync(factory);
        var (client, _, _) = await factory.CreateClientWithRolesAsync(own.Id, "Customer");
        using (client)
        {
            await (await client.PostAsJsonAsync("/api/v1/customers", new { code = HttpClientExtensions.NewCode("CUST"), name = "X", contacts = Array.Empty<object>() }))
                .AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/customers/{own.Id}", new { name = "X", contacts = Array.Empty<object>() }))
                .AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Agents_and_managers_read_every_customer_and_a_change_approver_alone_reads_none()
    {
        var a = await CustomerApi.CreateAsync(factory);
        var b = await CustomerApi.CreateAsync(factory);
        var (agent, _, _) = await factory.CreateClientWithRolesAsync(null, "Agent");
        var (manager, _, _) = await factory.CreateClientWithRolesAsync(null, "Manager");
        var (approver, _, _) = await factory.CreateClientWithRolesAsync(null, "ChangeApprover");
        using (agent)
        using (manager)
        using (approver)
        {
            await (await agent.GetAsync($"/api/v1/customers/{a.Id}")).ReadJsonAsync();
            await (await manager.GetAsync($"/api/v1/customers/{b.Id}")).ReadJsonAsync();
            await (await agent.PostAsJsonAsync("/api/v1/customers", new { code = HttpClientExtensions.NewCode("CUST"), name = "X", contacts = Array.Empty<object>() }))
                .AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await approver.GetAsync($"/api/v1/customers/{a.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }
}
