using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Changes.ChangeFixtures;

namespace ServiceDesk.Api.Tests.Changes;

/// <summary>The change list: newest first, filtered by status, type, customer and product, keyset-paged.</summary>
public sealed class ChangeListTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static Task<IReadOnlyList<string>> AllAsync(HttpClient client, string query) => client.AllNumbersAsync(ChangesRoute, query);

    [Fact]
    public async Task Changes_are_listed_newest_first_and_filtered_by_customer_type_status_and_product()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var normal = (await staff.Agent.CreateChangeAsync(ChangeBody(customerId: customer))).GetProperty("number").GetString()!;
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var emergency = (await staff.Agent.CreateChangeAsync(ChangeBody("Emergency", "High", customer, "OPS-SD-01"))).GetProperty("number").GetString()!;
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var standard = (await staff.Agent.CreateChangeAsync(ChangeBody("Standard", "Low", customer, RequestProduct, SupportProduct))).GetProperty("number").GetString()!;
        await staff.Agent.ActAsync(normal, "submit");

        Assert.Equal([standard, emergency, normal], await AllAsync(staff.Agent, $"customerId={customer}"));
        Assert.Equal([emergency], await AllAsync(staff.Agent, $"customerId={customer}&type=Emergency"));
        Assert.Equal([normal], await AllAsync(staff.Agent, $"customerId={customer}&status=Submitted"));
        Assert.Equal([standard, normal], await AllAsync(staff.Agent, $"customerId={customer}&productCode={SupportProduct}"));
        Assert.Equal([standard], await AllAsync(staff.Agent, $"customerId={customer}&productCode={RequestProduct}&status=Draft"));
    }

    [Fact]
    public async Task Changes_made_in_the_same_instant_are_all_listed_once()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var customer = await factory.SeedCustomerAsync();
        var made = new List<string>();
        for (var i = 0; i < 5; i++)
            made.Add((await staff.Agent.CreateChangeAsync(ChangeBody(customerId: customer))).GetProperty("number").GetString()!);

        var listed = await AllAsync(staff.Agent, $"customerId={customer}");

        Assert.Equal(made.OrderDescending(StringComparer.Ordinal), listed);
    }

    [Theory]
    [InlineData("status=Open", "status")]
    [InlineData("type=Routine", "type")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("customerId=acme", "customerId")]
    public async Task A_bad_filter_is_400_naming_it(string query, string field)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        await (await staff.Agent.GetAsync($"{ChangesRoute}?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_empty_page_has_no_next_cursor()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);

        var page = await (await staff.Agent.GetAsync($"{ChangesRoute}?customerId={Guid.NewGuid()}")).ReadJsonAsync();

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }
}
