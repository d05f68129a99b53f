using System.Net;
using ServiceDesk.Api.Tests.Infrastructure;

namespace ServiceDesk.Api.Tests.Seed;

/// <summary>A host on a given database with the demo data switched on (as in the Development environment).</summary>
public sealed class DemoDataFactory : ServiceDeskApiFactory
{
    public DemoDataFactory()
        : this(TestDatabase.Create())
    {
    }

    internal DemoDataFactory(TestDatabase database)
        : base(database) => With("Seed:DemoData", "true");
}

/// <summary><c>Seed:DemoData</c>: two customers with agreements at different levels and one fixed key per role.</summary>
public sealed class DemoDataTests(DemoDataFactory factory) : IClassFixture<DemoDataFactory>
{
    private static readonly Guid Acme = Guid.Parse("0a000000-0000-7000-8000-00000000ac3e");
    private static readonly Guid Globex = Guid.Parse("0b000000-0000-7000-8000-0000000961b0");

    [Fact]
    public async Task Each_demo_key_works_with_its_role()
    {
        using var admin = factory.CreateClient("demo-admin-key");
        using var agent = factory.CreateClient("demo-agent-key");
        using var manager = factory.CreateClient("demo-manager-key");
        using var approver = factory.CreateClient("demo-change-approver-key");

        await (await admin.GetAsync("/api/v1/api-keys")).ReadJsonAsync();
        await (await agent.GetAsync($"/api/v1/customers/{Globex}")).ReadJsonAsync();
        await (await manager.GetAsync($"/api/v1/customers/{Acme}")).ReadJsonAsync();
        await (await agent.GetAsync("/api/v1/api-keys")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await approver.GetAsync("/api/v1/calendars")).ReadJsonAsync();
        await (await approver.GetAsync($"/api/v1/customers/{Acme}")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_demo_customer_keys_see_only_their_own_customer()
    {
        using var acme = factory.CreateClient("demo-customer-acme-key");
        using var globex = factory.CreateClient("demo-customer-globex-key");

        var list = await (await acme.GetAsync("/api/v1/customers")).ReadJsonAsync();
        Assert.Equal(["ACME"], list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToArray());
        await (await acme.GetAsync($"/api/v1/customers/{Globex}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await globex.GetAsync($"/api/v1/customers/{Globex}")).ReadJsonAsync();
    }

    [Theory]
    [InlineData("0a000000-0000-7000-8000-00000000ac3e", "OPS-SD-01", "PLATINUM")]
    [InlineData("0a000000-0000-7000-8000-00000000ac3e", "OPS-SD-02", "GOLD")]
    [InlineData("0b000000-0000-7000-8000-0000000961b0", "MNT-HW-01", "SILVER")]
    public async Task The_demo_agreements_give_different_levels(string customerId, string product, string level)
    {
        using var agent = factory.CreateClient("demo-agent-key");

        var entitlement = await (await agent.GetAsync($"/api/v1/customers/{customerId}/entitlements?product={product}")).ReadJsonAsync();

        Assert.Equal(level, entitlement.GetProperty("serviceLevelCode").GetString());
    }

    [Fact]
    public async Task Starting_again_on_the_same_database_adds_nothing()
    {
        var database = TestDatabase.Create();
        try
        {
            await using (var first = new DemoDataFactory(database))
            {
                using var client = first.CreateClient("demo-admin-key");
                await (await client.GetAsync("/api/v1/customers")).ReadJsonAsync();
            }

            await using var second = new DemoDataFactory(database);
            using var admin = second.CreateClient("demo-admin-key");
            var customers = await (await admin.GetAsync("/api/v1/customers?limit=200")).ReadJsonAsync();
            Assert.Equal(["ACME", "GLOBEX"], customers.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToArray());
            var agreements = await (await admin.GetAsync($"/api/v1/customers/{Acme}/agreements")).ReadJsonAsync();
            Assert.Equal(2, agreements.GetProperty("items").GetArrayLength());
            var keys = await (await admin.GetAsync("/api/v1/api-keys?limit=200")).ReadJsonAsync();
            Assert.Equal(6, keys.GetProperty("items").EnumerateArray().Count(k => k.GetProperty("name").GetString()!.StartsWith("demo-", StringComparison.Ordinal)));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Without_the_setting_there_is_no_demo_data()
    {
        var plain = new ServiceDeskApiFactory();
        try
        {
            using var demoKey = plain.CreateClient("demo-admin-key");
            await (await demoKey.GetAsync("/api/v1/customers")).AssertProblemAsync(HttpStatusCode.Unauthorized);

            using var admin = plain.CreateAdminClient();
            var customers = await (await admin.GetAsync("/api/v1/customers?q=acme")).ReadJsonAsync();
            Assert.Equal(0, customers.GetProperty("items").GetArrayLength());
        }
        finally
        {
            await ((IAsyncLifetime)plain).DisposeAsync();
        }
    }
}
