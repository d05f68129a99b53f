using System.Net;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Catalog.CatalogBodies;

namespace ServiceDesk.Api.Tests.Catalog;

/// <summary>ETags on every single resource, If-None-Match (304) and If-Match (412), and two writers racing.</summary>
public sealed class CatalogConcurrencyTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private const string Lines = "/api/v1/catalog/product-lines";
    private const string SeriesRoute = "/api/v1/catalog/series";
    private const string Products = "/api/v1/catalog/products";
    private const string StaleTag = "\"999.0.0\"";

    private static async Task<string> NewProductAsync(HttpClient client)
    {
        var code = NewCode("PR");
        await (await client.PostJsonAsync(Products, Product(code))).ReadJsonAsync(HttpStatusCode.Created);
        return code;
    }

    [Theory]
    [InlineData(Lines + "/OPS")]
    [InlineData(SeriesRoute + "/OPS-SD")]
    [InlineData(Products + "/OPS-SD-01")]
    public async Task Every_single_resource_GET_has_an_ETag_and_answers_304_to_If_None_Match(string url)
    {
        using var client = factory.CreateAdminClient();
        var first = await client.GetAsync(url);
        await first.ReadJsonAsync();
        var etag = first.ETag();

        var again = await client.GetIfNoneMatchAsync(url, etag);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.ETag());
    }

    [Theory]
    [InlineData(Lines + "/OPS")]
    [InlineData(SeriesRoute + "/OPS-SD")]
    [InlineData(Products + "/OPS-SD-01")]
    public async Task A_GET_with_a_stale_If_None_Match_gives_the_resource(string url)
    {
        using var client = factory.CreateAdminClient();
        var response = await client.GetIfNoneMatchAsync(url, StaleTag);
        await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Each_write_gives_a_new_ETag_that_a_following_GET_confirms()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        var created = await client.PostJsonAsync(Products, Product(code));
        await created.ReadJsonAsync(HttpStatusCode.Created);
        var tags = new List<string> { created.ETag() };

        var put = await client.PutJsonAsync($"{Products}/{code}", ProductPut().With("name", "Replaced"), tags[^1]);
        await put.ReadJsonAsync();
        tags.Add(put.ETag());
        var patch = await client.PatchJsonAsync($"{Products}/{code}", new { name = "Patched" }, tags[^1]);
        await patch.ReadJsonAsync();
        tags.Add(patch.ETag());
        var retire = await client.SendRawAsync(HttpMethod.Post, $"{Products}/{code}/retire", null, ifMatch: tags[^1]);
        await retire.ReadJsonAsync();
        tags.Add(retire.ETag());
        var reinstate = await client.SendRawAsync(HttpMethod.Post, $"{Products}/{code}/reinstate", null, ifMatch: tags[^1]);
        await reinstate.ReadJsonAsync();
        tags.Add(reinstate.ETag());

        Assert.Equal(tags.Count, tags.Distinct().Count());
        Assert.Equal(tags[^1], (await client.GetAsync($"{Products}/{code}")).ETag());
    }

    [Fact]
    public async Task Line_and_series_writes_give_ETags_that_work_as_If_Match()
    {
        using var client = factory.CreateAdminClient();
        var line = NewCode("LN");
        var series = NewCode("SR");

        var createdLine = await client.PostJsonAsync(Lines, Line(line));
        await createdLine.ReadJsonAsync(HttpStatusCode.Created);
        var putLine = await client.PutJsonAsync($"{Lines}/{line}", new { name = "A", nameZh = "甲" }, createdLine.ETag());
        await putLine.ReadJsonAsync();
        await (await client.PatchJsonAsync($"{Lines}/{line}", new { name = "B" }, putLine.ETag())).ReadJsonAsync();

        var createdSeries = await client.PostJsonAsync(SeriesRoute, Series(series, line));
        await createdSeries.ReadJsonAsync(HttpStatusCode.Created);
        var putSeries = await client.PutJsonAsync($"{SeriesRoute}/{series}", new { name = "A", nameZh = "甲" }, createdSeries.ETag());
        await putSeries.ReadJsonAsync();
        await (await client.PatchJsonAsync($"{SeriesRoute}/{series}", new { name = "B" }, putSeries.ETag())).ReadJsonAsync();
    }

    [Fact]
    public async Task A_write_that_changes_nothing_keeps_the_ETag()
    {
        using var client = factory.CreateAdminClient();
        var code = await NewProductAsync(client);
        var before = (await client.GetAsync($"{Products}/{code}")).ETag();

        var put = await client.PutJsonAsync($"{Products}/{code}", ProductPut(), before);

        await put.ReadJsonAsync();
        Assert.Equal(before, put.ETag());
    }

    [Fact]
    public async Task A_stale_If_Match_on_a_product_write_is_412_and_changes_nothing()
    {
        using var client = factory.CreateAdminClient();
        var code = await NewProductAsync(client);
        var original = (await client.GetAsync($"{Products}/{code}")).ETag();
        await (await client.PatchJsonAsync($"{Products}/{code}", new { name = "Changed by someone else" }, original)).ReadJsonAsync();

        await (await client.PutJsonAsync($"{Products}/{code}", ProductPut().With("name", "Mine"), original)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PatchJsonAsync($"{Products}/{code}", new { name = "Mine" }, original)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.SendRawAsync(HttpMethod.Post, $"{Products}/{code}/retire", null, ifMatch: original)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var product = await (await client.GetAsync($"{Products}/{code}")).ReadJsonAsync();
        Assert.Equal("Changed by someone else", product.GetProperty("name").GetString());
        Assert.Equal("Active", product.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_stale_If_Match_on_reinstate_is_412()
    {
        using var client = factory.CreateAdminClient();
        var code = await NewProductAsync(client);
        var original = (await client.GetAsync($"{Products}/{code}")).ETag();
        await (await client.PostAsync($"{Products}/{code}/retire", null)).ReadJsonAsync();

        await (await client.SendRawAsync(HttpMethod.Post, $"{Products}/{code}/reinstate", null, ifMatch: original)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [InlineData(Lines + "/CON")]
    [InlineData(SeriesRoute + "/CON-PLAN")]
    public async Task A_stale_If_Match_on_a_line_or_series_write_is_412(string url)
    {
        using var client = factory.CreateAdminClient();
        await (await client.PutJsonAsync(url, new { name = "X", nameZh = "某" }, StaleTag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PatchJsonAsync(url, new { name = "X" }, StaleTag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task If_Match_star_or_the_current_weak_tag_matches()
    {
        using var client = factory.CreateAdminClient();
        var code = await NewProductAsync(client);
        await (await client.PatchJsonAsync($"{Products}/{code}", new { name = "Star" }, "*")).ReadJsonAsync();
        var current = (await client.GetAsync($"{Products}/{code}")).ETag();
        await (await client.PatchJsonAsync($"{Products}/{code}", new { name = "Weak" }, "W/" + current)).ReadJsonAsync();
    }

    [Fact]
    public async Task Two_clients_updating_the_same_product_with_the_same_ETag_one_wins_one_gets_412()
    {
        using var admin = factory.CreateAdminClient();
        var code = await NewProductAsync(admin);
        var etag = (await admin.GetAsync($"{Products}/{code}")).ETag();
        using var first = factory.CreateAdminClient();
        using var second = factory.CreateAdminClient();

        var responses = await Task.WhenAll(
            first.PutJsonAsync($"{Products}/{code}", ProductPut().With("name", "First"), etag),
            second.PutJsonAsync($"{Products}/{code}", ProductPut().With("name", "Second"), etag));

        var statuses = responses.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.PreconditionFailed);
        await loser.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        var winnerName = (await winner.ReadJsonAsync()).GetProperty("name").GetString();
        var stored = await (await admin.GetAsync($"{Products}/{code}")).ReadJsonAsync();
        Assert.Equal(winnerName, stored.GetProperty("name").GetString());
        Assert.Equal("\"2\"", (await admin.GetAsync($"{Products}/{code}")).ETag());
    }

    [Fact]
    public async Task Two_clients_patching_the_same_product_with_the_same_ETag_one_wins_one_gets_412()
    {
        using var admin = factory.CreateAdminClient();
        var code = await NewProductAsync(admin);
        var etag = (await admin.GetAsync($"{Products}/{code}")).ETag();

        for (var round = 0; round < 5; round++)
        {
            using var first = factory.CreateAdminClient();
            using var second = factory.CreateAdminClient();
            var responses = await Task.WhenAll(
                first.PatchJsonAsync($"{Products}/{code}", new { name = $"First {round}" }, etag),
                second.PatchJsonAsync($"{Products}/{code}", new { name = $"Second {round}" }, etag));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order().ToList());
            etag = responses.Single(r => r.StatusCode == HttpStatusCode.OK).ETag();
        }
    }

    /// <summary>
    /// Lines and series once checked If-Match on one read and wrote after a second one, so a write landing in between
    /// was overwritten without a 412. Several writers with one ETag, a few rounds: in each, exactly one wins.
    /// </summary>
    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Concurrent_writes_to_a_line_or_a_series_with_the_same_ETag_let_exactly_one_win(string method)
    {
        using var admin = factory.CreateAdminClient();
        var line = NewCode("LN");
        var series = NewCode("SR");
        await (await admin.PostJsonAsync(Lines, Line(line))).ReadJsonAsync(HttpStatusCode.Created);
        await (await admin.PostJsonAsync(SeriesRoute, Series(series, line))).ReadJsonAsync(HttpStatusCode.Created);

        foreach (var url in new[] { $"{Lines}/{line}", $"{SeriesRoute}/{series}" })
        {
            for (var round = 0; round < 3; round++)
            {
                var etag = (await admin.GetAsync(url)).ETag();
                var clients = Enumerable.Range(0, 6).Select(_ => factory.CreateAdminClient()).ToList();
                var responses = await Task.WhenAll(clients.Select((client, i) => method == "PUT"
                    ? client.PutJsonAsync(url, new { name = $"Writer {round}.{i}", nameZh = "写" }, etag)
                    : client.PatchJsonAsync(url, new { name = $"Writer {round}.{i}" }, etag)));
                clients.ForEach(c => c.Dispose());

                Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
                foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
                    await loser.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
                var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadJsonAsync();
                var stored = await (await admin.GetAsync(url)).ReadJsonAsync();
                Assert.Equal(winner.GetProperty("name").GetString(), stored.GetProperty("name").GetString());
            }
        }
    }
}
