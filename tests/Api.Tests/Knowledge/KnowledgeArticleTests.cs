using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Changes;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Changes.ChangeFixtures;

namespace ServiceDesk.Api.Tests.Knowledge;

/// <summary>
/// Knowledge articles over HTTP: agents and managers write, edit and publish them; search by text and product,
/// keyset-paged; customers read and search published articles only (a draft is 404 to them).
/// </summary>
public sealed class KnowledgeArticleTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private static Dictionary<string, object?> Article(string title, string? productCode = null, params string[] tags) => new()
    {
        ["title"] = title,
        ["body"] = $"How to: {title}. Open the portal, then follow the steps.",
        ["productCode"] = productCode,
        ["tags"] = tags,
    };

    private static async Task<(string Id, string ETag)> WriteAsync(HttpClient agent, object body, bool publish = false)
    {
        var response = await agent.PostJsonAsync(ArticlesRoute, body);
        var id = (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var etag = response.ETag();
        if (publish)
        {
            var published = await agent.PostJsonAsync($"{ArticlesRoute}/{id}/publish", null, etag);
            await published.ReadJsonAsync();
            etag = published.ETag();
        }

        return (id, etag);
    }

    private static async Task<IReadOnlyList<string>> SearchAsync(HttpClient client, string query)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"{ArticlesRoute}?{query}&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ReadJsonAsync();
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return ids;
    }

    [Fact]
    public async Task An_agent_writes_edits_and_publishes_an_article_with_an_ETag_on_every_step()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var created = await staff.Agent.PostJsonAsync(ArticlesRoute, Article("Reset a VPN token", "OPS-SD-03", "vpn", "token"));
        var article = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = article.GetProperty("id").GetString()!;
        Assert.Equal($"{ArticlesRoute}/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Draft", article.GetProperty("status").GetString());
        Assert.Equal(["vpn", "token"], article.Strings("tags"));

        var replaced = await staff.Agent.PutJsonAsync($"{ArticlesRoute}/{id}", new { title = "Reset a VPN hardware token", body = "New steps.", productCode = "OPS-SD-03", tags = new[] { "vpn" } }, created.ETag());
        var edited = await replaced.ReadJsonAsync();
        Assert.Equal("Reset a VPN hardware token", edited.GetProperty("title").GetString());
        Assert.NotEqual(created.ETag(), replaced.ETag());

        await (await staff.Agent.PostJsonAsync($"{ArticlesRoute}/{id}/publish", null, created.ETag())).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var published = await staff.Agent.PostJsonAsync($"{ArticlesRoute}/{id}/publish", null, replaced.ETag());
        var live = await published.ReadJsonAsync();
        Assert.Equal("Published", live.GetProperty("status").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), live.GetProperty("publishedAt").GetDateTimeOffset());
        await (await staff.Agent.PostJsonAsync($"{ArticlesRoute}/{id}/publish", null)).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/illegal-transition");

        var read = await staff.Agent.GetAsync($"{ArticlesRoute}/{id}");
        await read.ReadJsonAsync();
        Assert.Equal(published.ETag(), read.ETag());
        Assert.Equal(HttpStatusCode.NotModified, (await staff.Agent.GetIfNoneMatchAsync($"{ArticlesRoute}/{id}", read.ETag())).StatusCode);
    }

    [Fact]
    public async Task An_article_is_written_from_a_known_error()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var problem = (await (await staff.Agent.PostJsonAsync(ProblemsRoute, new { summary = "Mail relay drops connections", description = "Mail stalls.", productCode = "OPS-APP-03" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("number").GetString()!;

        await (await staff.Agent.PostJsonAsync(ArticlesRoute, new { problemNumber = problem })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "problemNumber", "/not-a-known-error");

        await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/investigate", null);
        await (await staff.Agent.PostJsonAsync($"{ProblemsRoute}/{problem}/known-error", new { rootCause = "Pool capped at 50.", workaround = "Restart the relay service." })).ReadJsonAsync();
        var article = await (await staff.Agent.PostJsonAsync(ArticlesRoute, new { problemNumber = problem, tags = new[] { "mail" } })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("Mail relay drops connections", article.GetProperty("title").GetString());
        Assert.Contains("Restart the relay service.", article.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("OPS-APP-03", article.GetProperty("productCode").GetString());
        Assert.Equal(problem, article.GetProperty("problemNumber").GetString());
        await (await staff.Agent.PostJsonAsync(ArticlesRoute, new { problemNumber = "PRB999999" })).AssertProblemAsync(HttpStatusCode.BadRequest, "problemNumber");
    }

    [Theory]
    [InlineData("title", null)]
    [InlineData("body", " ")]
    [InlineData("productCode", "OPS-XX-99")]
    [InlineData("productCode", "lower")]
    public async Task An_article_without_title_or_body_or_on_an_unknown_product_is_400_naming_it(string field, string? value)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var body = Article("Valid");
        body[field] = value;

        await (await staff.Agent.PostJsonAsync(ArticlesRoute, body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Search_matches_title_body_and_tags_filters_by_product_and_pages_newest_first()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var marker = "zq" + Guid.NewGuid().ToString("N")[..6];
        var inTitle = (await WriteAsync(staff.Agent, Article($"Printer {marker} jams", "OPS-SD-02"))).Id;
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var inTag = (await WriteAsync(staff.Agent, Article("Toner low", "OPS-SD-02", marker.ToUpperInvariant()))).Id;
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var body = Article("Scanner offline", "OPS-SD-04");
        body["body"] = $"Error {marker} on the display.";
        var inBody = (await WriteAsync(staff.Agent, body)).Id;

        Assert.Equal([inBody, inTag, inTitle], await SearchAsync(staff.Agent, $"q={marker.ToUpperInvariant()}"));
        Assert.Equal([inTag, inTitle], await SearchAsync(staff.Agent, $"q={marker}&product=OPS-SD-02"));
        Assert.Empty(await SearchAsync(staff.Agent, $"q={marker}&product=OPS-SD-01"));
        Assert.Equal([inBody, inTag, inTitle], await SearchAsync(staff.Agent, $"q={marker}&status=Draft"));
    }

    [Fact]
    public async Task Customers_find_and_read_published_articles_only()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var marker = "cv" + Guid.NewGuid().ToString("N")[..6];
        var published = (await WriteAsync(staff.Agent, Article($"Published {marker}"), publish: true)).Id;
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var draft = (await WriteAsync(staff.Agent, Article($"Draft {marker}"))).Id;
        var customerId = await factory.SeedCustomerAsync();
        var (customer, _, _) = await factory.CreateClientWithRolesAsync(customerId, "Customer");
        using (customer)
        {
            Assert.Equal([published], await SearchAsync(customer, $"q={marker}"));
            Assert.Empty(await SearchAsync(customer, $"q={marker}&status=Draft"));
            await (await customer.GetAsync($"{ArticlesRoute}/{published}")).ReadJsonAsync();
            await (await customer.GetAsync($"{ArticlesRoute}/{draft}")).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal([draft, published], await SearchAsync(staff.Agent, $"q={marker}"));
    }

    [Fact]
    public async Task An_unpublished_article_disappears_for_customers()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var (id, etag) = await WriteAsync(staff.Agent, Article("Short-lived"), publish: true);
        await (await staff.Agent.PostJsonAsync($"{ArticlesRoute}/{id}/unpublish", null, etag)).ReadJsonAsync();
        var customerId = await factory.SeedCustomerAsync();
        var (customer, _, _) = await factory.CreateClientWithRolesAsync(customerId, "Customer");
        using (customer)
            await (await customer.GetAsync($"{ArticlesRoute}/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Customers_and_change_approvers_cannot_write_articles()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var (id, _) = await WriteAsync(staff.Agent, Article("Written by staff"));
        var customerId = await factory.SeedCustomerAsync();
        var (customer, _, _) = await factory.CreateClientWithRolesAsync(customerId, "Customer");
        using (customer)
        {
            await (await customer.PostJsonAsync(ArticlesRoute, Article("Mine"))).AssertProblemAsync(HttpStatusCode.Forbidden, typeEndsWith: "/forbidden");
            await (await customer.PutJsonAsync($"{ArticlesRoute}/{id}", Article("Mine"))).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await customer.PostJsonAsync($"{ArticlesRoute}/{id}/publish", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await customer.PostJsonAsync($"{ArticlesRoute}/{id}/unpublish", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await staff.Approver.GetAsync(ArticlesRoute)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.Approver.PostJsonAsync(ArticlesRoute, Article("Mine"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = factory.CreateClient(apiKey: null);
        await (await anonymous.GetAsync(ArticlesRoute)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_Manager_writes_and_publishes_articles_too()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);

        var (id, _) = await WriteAsync(staff.Manager, Article("Manager's note"), publish: true);

        Assert.Equal("Published", (await (await staff.Manager.GetAsync($"{ArticlesRoute}/{id}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=xyz", "cursor")]
    [InlineData("status=Live", "status")]
    public async Task A_bad_search_parameter_is_400_naming_it(string query, string field)
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        await (await staff.Agent.GetAsync($"{ArticlesRoute}?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_unknown_article_is_404()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);

        await (await staff.Agent.GetAsync($"{ArticlesRoute}/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await staff.Agent.GetAsync($"{ArticlesRoute}/not-an-id")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await staff.Agent.PutJsonAsync($"{ArticlesRoute}/{Guid.NewGuid()}", Article("x"))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_article_id_is_found_whatever_the_case_of_the_GUID()
    {
        using var staff = await ChangeStaff.CreateAsync(factory);
        var (id, _) = await WriteAsync(staff.Agent, Article("Case"));

        var read = await (await staff.Agent.GetAsync($"{ArticlesRoute}/{id.ToUpperInvariant()}")).ReadJsonAsync();

        Assert.Equal(id, read.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, read.GetProperty("createdAt").ValueKind);
    }
}
