using System.Net;
using System.Text.Json;
using ServiceDesk.Api.Tests.Infrastructure;
using static ServiceDesk.Api.Tests.Catalog.CatalogBodies;

namespace ServiceDesk.Api.Tests.Catalog;

/// <summary>Creating and changing lines, series and products (Admin). Each test works on codes of its own.</summary>
public sealed class CatalogWriteTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private const string Lines = "/api/v1/catalog/product-lines";
    private const string SeriesRoute = "/api/v1/catalog/series";
    private const string Products = "/api/v1/catalog/products";

    private static async Task<JsonElement> CreateProductAsync(HttpClient client, string code, string seriesCode = "OPS-SD")
    {
        var response = await client.PostJsonAsync(Products, Product(code, seriesCode));
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    // ---- product lines ----

    [Fact]
    public async Task Creating_a_line_answers_201_with_Location_ETag_and_the_line()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("LN");

        var response = await client.PostJsonAsync(Lines, Line(code));

        var line = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{Lines}/{code}", response.Headers.Location?.OriginalString);
        Assert.Equal(code, line.GetProperty("code").GetString());
        Assert.Equal("云服务", line.GetProperty("nameZh").GetString());
        Assert.Equal(0, line.GetProperty("series").GetArrayLength());
        var etag = response.ETag();

        var read = await client.GetAsync(response.Headers.Location);
        await read.ReadJsonAsync();
        Assert.Equal(etag, read.ETag());
    }

    [Fact]
    public async Task Creating_a_line_with_a_taken_code_is_409()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(Lines, Line("OPS"))).AssertProblemAsync(HttpStatusCode.Conflict, "code", "duplicate");
    }

    [Theory]
    [InlineData("code", "cloud")]
    [InlineData("code", "CLOUD_SERVICES")]
    [InlineData("code", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    [InlineData("code", null)]
    [InlineData("name", null)]
    [InlineData("name", "   ")]
    [InlineData("nameZh", "")]
    public async Task Creating_a_line_with_a_bad_field_is_400_naming_it(string field, string? value)
    {
        using var client = factory.CreateAdminClient();
        var body = Line(NewCode("LN")).With(field, value);
        await (await client.PostJsonAsync(Lines, body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Creating_a_line_with_an_overlong_name_is_400_naming_name()
    {
        using var client = factory.CreateAdminClient();
        var body = Line(NewCode("LN")).With("name", new string('n', 201));
        await (await client.PostJsonAsync(Lines, body)).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task Replacing_a_line_changes_its_names_and_its_ETag()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("LN");
        var created = await client.PostJsonAsync(Lines, Line(code));
        await created.ReadJsonAsync(HttpStatusCode.Created);

        var response = await client.PutJsonAsync($"{Lines}/{code}", new { name = "Cloud & Edge", nameZh = "云与边缘", description = (string?)null });

        var line = await response.ReadJsonAsync();
        Assert.Equal("Cloud & Edge", line.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("description").ValueKind);
        Assert.NotEqual(created.ETag(), response.ETag());
    }

    [Fact]
    public async Task Replacing_a_line_without_its_Chinese_name_is_400_naming_nameZh()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PutJsonAsync($"{Lines}/OPS", new { name = "Operations" })).AssertProblemAsync(HttpStatusCode.BadRequest, "nameZh");
    }

    [Fact]
    public async Task Patching_a_line_changes_only_the_named_fields()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("LN");
        await (await client.PostJsonAsync(Lines, Line(code))).ReadJsonAsync(HttpStatusCode.Created);

        var response = await client.PatchJsonAsync($"{Lines}/{code}", new { description = "Only this changes" });

        var line = await response.ReadJsonAsync();
        Assert.Equal("Only this changes", line.GetProperty("description").GetString());
        Assert.Equal("Cloud Services", line.GetProperty("name").GetString());
        Assert.Equal("云服务", line.GetProperty("nameZh").GetString());
        response.ETag();
    }

    [Theory]
    [InlineData("code")]
    [InlineData("series")]
    public async Task Patching_a_read_only_field_of_a_line_is_400_naming_it(string field)
    {
        using var client = factory.CreateAdminClient();
        var patch = new Dictionary<string, object?> { [field] = field == "series" ? Array.Empty<object>() : "NEW" };
        await (await client.PatchJsonAsync($"{Lines}/CON", patch)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Writing_an_unknown_line_is_404()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PutJsonAsync($"{Lines}/NOPE", new { name = "A", nameZh = "甲" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PatchJsonAsync($"{Lines}/NOPE", new { name = "A" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    // ---- series ----

    [Fact]
    public async Task Creating_a_series_answers_201_and_it_appears_in_its_line()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("SR");

        var response = await client.PostJsonAsync(SeriesRoute, Series(code, "TOOL"));

        var series = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{SeriesRoute}/{code}", response.Headers.Location?.OriginalString);
        Assert.Equal("TOOL", series.GetProperty("lineCode").GetString());
        Assert.Equal(0, series.GetProperty("products").GetArrayLength());
        response.ETag();
        var line = await (await client.GetAsync($"{Lines}/TOOL")).ReadJsonAsync();
        Assert.Contains(code, line.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Creating_a_series_with_a_taken_code_is_409()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(SeriesRoute, Series("OPS-SD", "OPS"))).AssertProblemAsync(HttpStatusCode.Conflict, "code", "duplicate");
    }

    [Fact]
    public async Task Creating_a_series_in_a_line_that_does_not_exist_is_400_naming_lineCode()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(SeriesRoute, Series(NewCode("SR"), "NOLINE"))).AssertProblemAsync(HttpStatusCode.BadRequest, "lineCode");
    }

    [Fact]
    public async Task Creating_a_series_without_a_line_is_400_naming_lineCode()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(SeriesRoute, Series(NewCode("SR")).Without("lineCode"))).AssertProblemAsync(HttpStatusCode.BadRequest, "lineCode");
    }

    [Fact]
    public async Task Creating_a_series_with_an_overlong_scope_is_400_naming_scope()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(SeriesRoute, Series(NewCode("SR")).With("scope", new string('s', 65)))).AssertProblemAsync(HttpStatusCode.BadRequest, "scope");
    }

    [Fact]
    public async Task Replacing_and_patching_a_series_change_its_fields()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("SR");
        await (await client.PostJsonAsync(SeriesRoute, Series(code))).ReadJsonAsync(HttpStatusCode.Created);

        var put = await (await client.PutJsonAsync($"{SeriesRoute}/{code}", new { name = "Edge Operations", nameZh = "边缘运维", scope = "edge" })).ReadJsonAsync();
        Assert.Equal("Edge Operations", put.GetProperty("name").GetString());

        var patched = await (await client.PatchJsonAsync($"{SeriesRoute}/{code}", new { scope = "edge-sites" })).ReadJsonAsync();
        Assert.Equal("edge-sites", patched.GetProperty("scope").GetString());
        Assert.Equal("Edge Operations", patched.GetProperty("name").GetString());
        Assert.Equal("边缘运维", patched.GetProperty("nameZh").GetString());
        Assert.Equal("OPS", patched.GetProperty("lineCode").GetString());
    }

    [Fact]
    public async Task A_series_cannot_be_moved_to_another_line()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PatchJsonAsync($"{SeriesRoute}/MNT-PM", new { lineCode = "OPS" })).AssertProblemAsync(HttpStatusCode.BadRequest, "lineCode");
        var series = await (await client.GetAsync($"{SeriesRoute}/MNT-PM")).ReadJsonAsync();
        Assert.Equal("MNT", series.GetProperty("lineCode").GetString());
    }

    [Fact]
    public async Task Replacing_a_series_without_a_name_is_400_naming_name()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PutJsonAsync($"{SeriesRoute}/MNT-PM", new { nameZh = "预防性维护" })).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    // ---- products ----

    [Fact]
    public async Task Creating_a_product_answers_201_with_Location_ETag_and_its_line_from_the_series()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");

        var response = await client.PostJsonAsync(Products, Product(code, "MNT-HW"));

        var product = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{Products}/{code}", response.Headers.Location?.OriginalString);
        Assert.Equal("MNT", product.GetProperty("lineCode").GetString());
        Assert.Equal("MNT-HW", product.GetProperty("seriesCode").GetString());
        Assert.Equal("support", product.GetProperty("kind").GetString());
        Assert.Equal(["Remote", "OnSite"], product.GetProperty("deliveryModes").EnumerateArray().Select(m => m.GetString()!));
        Assert.Equal(900m, product.GetProperty("monthlyBasePrice").GetDecimal());
        Assert.Equal("Active", product.GetProperty("status").GetString());
        var etag = response.ETag();

        var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal(code, (await read.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(etag, read.ETag());
    }

    [Fact]
    public async Task Creating_a_product_naming_its_series_line_is_accepted()
    {
        using var client = factory.CreateAdminClient();
        var response = await client.PostJsonAsync(Products, Product(NewCode("PR"), "SEC-AS").With("lineCode", "SEC"));
        Assert.Equal("SEC", (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("lineCode").GetString());
    }

    [Fact]
    public async Task Creating_a_product_whose_lineCode_is_not_its_series_line_is_400_naming_lineCode()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await (await client.PostJsonAsync(Products, Product(code, "OPS-SD").With("lineCode", "MNT"))).AssertProblemAsync(HttpStatusCode.BadRequest, "lineCode");
        await (await client.GetAsync($"{Products}/{code}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_a_product_in_a_series_that_does_not_exist_is_400_naming_seriesCode()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(Products, Product(NewCode("PR"), "NO-SERIES"))).AssertProblemAsync(HttpStatusCode.BadRequest, "seriesCode");
    }

    [Fact]
    public async Task Creating_a_product_with_a_taken_code_is_409()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(Products, Product("OPS-SD-01"))).AssertProblemAsync(HttpStatusCode.Conflict, "code", "duplicate");
    }

    [Fact]
    public async Task Creating_a_product_with_a_negative_price_is_400_naming_monthlyBasePrice()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(Products, Product(NewCode("PR")).With("monthlyBasePrice", -1))).AssertProblemAsync(HttpStatusCode.BadRequest, "monthlyBasePrice");
    }

    [Fact]
    public async Task Creating_a_product_without_a_name_is_400_naming_name()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(Products, Product(NewCode("PR")).Without("name"))).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    [Theory]
    [InlineData("code")]
    [InlineData("seriesCode")]
    [InlineData("nameZh")]
    [InlineData("kind")]
    [InlineData("deliveryModes")]
    [InlineData("monthlyBasePrice")]
    public async Task Creating_a_product_without_a_required_field_is_400_naming_it(string field)
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(Products, Product(NewCode("PR")).Without(field))).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Creating_a_product_with_no_delivery_mode_is_400_naming_deliveryModes()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(Products, Product(NewCode("PR")).With("deliveryModes", Array.Empty<string>()))).AssertProblemAsync(HttpStatusCode.BadRequest, "deliveryModes");
    }

    [Theory]
    [InlineData("subscription")]
    [InlineData("supports")]
    [InlineData("")]
    public async Task Creating_a_product_with_an_unknown_kind_is_400_naming_kind(string kind)
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(Products, Product(NewCode("PR")).With("kind", kind))).AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
    }

    [Fact]
    public async Task Creating_a_product_with_a_kind_given_as_a_number_is_400_naming_kind()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(Products, Product(NewCode("PR")).With("kind", 1))).AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
    }

    [Fact]
    public async Task Creating_a_product_with_an_unknown_delivery_mode_is_400_naming_deliveryModes()
    {
        using var client = factory.CreateAdminClient();
        var problem = await (await client.PostJsonAsync(Products, Product(NewCode("PR")).With("deliveryModes", new[] { "Teleport" }))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("deliveryModes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("name", 123)]
    [InlineData("code", 42)]
    [InlineData("seriesCode", true)]
    [InlineData("monthlyBasePrice", "900")]
    public async Task Creating_a_product_with_a_value_of_the_wrong_type_is_400_naming_the_field(string field, object value)
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostJsonAsync(Products, Product(NewCode("PR")).With(field, value))).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("{\"code\": \"PR-X\", \"name\": ")]
    [InlineData("{\"code\": \"PR-X\",, }")]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    public async Task Creating_a_product_with_malformed_JSON_is_400(string body)
    {
        using var client = factory.CreateAdminClient();
        await (await client.SendRawAsync(HttpMethod.Post, Products, body)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Creating_a_product_with_an_empty_body_is_400_naming_body_in_words_for_clients()
    {
        using var client = factory.CreateAdminClient();
        var problem = await (await client.SendRawAsync(HttpMethod.Post, Products, "")).AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        var message = problem.GetProperty("errors").GetProperty("body")[0].GetString();
        Assert.Equal("A JSON body is required.", message);
    }

    [Theory]
    [InlineData(Products)]
    [InlineData(Lines)]
    [InlineData(SeriesRoute)]
    public async Task Posting_text_plain_is_415_problem(string url)
    {
        using var client = factory.CreateAdminClient();
        var body = JsonSerializer.Serialize(Product(NewCode("PR")));
        await (await client.SendRawAsync(HttpMethod.Post, url, body, "text/plain")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Putting_and_patching_text_plain_is_415_problem()
    {
        using var client = factory.CreateAdminClient();
        await (await client.SendRawAsync(HttpMethod.Put, $"{Products}/OPS-SD-03", "{}", "text/plain")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await client.SendRawAsync(HttpMethod.Patch, $"{Products}/OPS-SD-03", "{\"name\":\"x\"}", "text/plain")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await client.SendRawAsync(HttpMethod.Patch, $"{Lines}/OPS", "{\"name\":\"x\"}", "text/plain")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Replacing_a_product_changes_every_writable_field_and_the_ETag()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        var created = await client.PostJsonAsync(Products, Product(code));
        await created.ReadJsonAsync(HttpStatusCode.Created);

        var body = ProductPut("OPS-APP")
            .With("name", "Room Support Plus")
            .With("kind", "recurring")
            .With("deliveryModes", new[] { "OnSite" })
            .With("monthlyBasePrice", 1234.5m)
            .With("description", null);
        var response = await client.PutJsonAsync($"{Products}/{code}", body);

        var product = await response.ReadJsonAsync();
        Assert.Equal("Room Support Plus", product.GetProperty("name").GetString());
        Assert.Equal("recurring", product.GetProperty("kind").GetString());
        Assert.Equal(["OnSite"], product.GetProperty("deliveryModes").EnumerateArray().Select(m => m.GetString()!));
        Assert.Equal(1234.5m, product.GetProperty("monthlyBasePrice").GetDecimal());
        Assert.Equal("OPS-APP", product.GetProperty("seriesCode").GetString());
        Assert.Equal(JsonValueKind.Null, product.GetProperty("description").ValueKind);
        Assert.NotEqual(created.ETag(), response.ETag());
    }

    [Fact]
    public async Task Replacing_a_product_without_a_required_field_is_400_naming_it()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PutJsonAsync($"{Products}/OPS-SD-03", ProductPut().Without("name"))).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await client.PutJsonAsync($"{Products}/OPS-SD-03", ProductPut().With("monthlyBasePrice", -5))).AssertProblemAsync(HttpStatusCode.BadRequest, "monthlyBasePrice");
        await (await client.PutJsonAsync($"{Products}/OPS-SD-03", ProductPut().With("lineCode", "SEC"))).AssertProblemAsync(HttpStatusCode.BadRequest, "lineCode");
        var unchanged = await (await client.GetAsync($"{Products}/OPS-SD-03")).ReadJsonAsync();
        Assert.Equal("Remote Access Support", unchanged.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Replacing_an_unknown_product_is_404()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PutJsonAsync($"{Products}/NOPE-01", ProductPut())).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/json")]
    public async Task Patching_a_product_changes_only_the_named_fields(string mediaType)
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        var before = await CreateProductAsync(client, code);

        var response = await client.PatchJsonAsync($"{Products}/{code}", new { monthlyBasePrice = 950 }, mediaType: mediaType);

        var after = await response.ReadJsonAsync();
        Assert.Equal(950m, after.GetProperty("monthlyBasePrice").GetDecimal());
        foreach (var field in new[] { "code", "lineCode", "seriesCode", "name", "nameZh", "description", "kind", "status" })
            Assert.Equal(before.GetProperty(field).ToString(), after.GetProperty(field).ToString());
        Assert.Equal(before.GetProperty("deliveryModes").ToString(), after.GetProperty("deliveryModes").ToString());
        Assert.Equal("\"2\"", response.ETag());
    }

    [Fact]
    public async Task Patching_a_product_with_null_clears_an_optional_field()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await CreateProductAsync(client, code);

        var after = await (await client.PatchJsonAsync($"{Products}/{code}", new Dictionary<string, object?> { ["description"] = null })).ReadJsonAsync();

        Assert.Equal(JsonValueKind.Null, after.GetProperty("description").ValueKind);
        Assert.Equal("Meeting Room Support", after.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patching_a_product_into_a_series_of_another_line_moves_it_to_that_line()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await CreateProductAsync(client, code, "OPS-SD");

        var after = await (await client.PatchJsonAsync($"{Products}/{code}", new { seriesCode = "MNT-HW" })).ReadJsonAsync();

        Assert.Equal("MNT-HW", after.GetProperty("seriesCode").GetString());
        Assert.Equal("MNT", after.GetProperty("lineCode").GetString());
    }

    [Theory]
    [InlineData("code")]
    [InlineData("unknownField")]
    public async Task Patching_a_field_that_cannot_be_written_is_400_naming_it(string field)
    {
        using var client = factory.CreateAdminClient();
        var patch = new Dictionary<string, object?> { [field] = "OPS-SD-99" };
        await (await client.PatchJsonAsync($"{Products}/OPS-SD-04", patch)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Products}/OPS-SD-99")).StatusCode);
    }

    [Theory]
    [InlineData("kind", "subscription")]
    [InlineData("monthlyBasePrice", -1)]
    [InlineData("monthlyBasePrice", "cheap")]
    [InlineData("name", null)]
    [InlineData("name", 5)]
    [InlineData("deliveryModes", null)]
    public async Task Patching_a_product_with_a_bad_value_is_400_naming_the_field(string field, object? value)
    {
        using var client = factory.CreateAdminClient();
        var patch = new Dictionary<string, object?> { [field] = value };
        await (await client.PatchJsonAsync($"{Products}/OPS-SD-04", patch)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("[\"name\"]")]
    [InlineData("\"name\"")]
    public async Task Patching_with_malformed_JSON_or_a_non_object_is_400(string body)
    {
        using var client = factory.CreateAdminClient();
        await (await client.SendRawAsync(HttpMethod.Patch, $"{Products}/OPS-SD-04", body, "application/merge-patch+json")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patching_an_unknown_product_is_404()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PatchJsonAsync($"{Products}/NOPE-01", new { name = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    // ---- retire / reinstate ----

    [Fact]
    public async Task A_retired_product_stays_readable_with_status_Retired()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await CreateProductAsync(client, code);

        var retire = await client.PostAsync($"{Products}/{code}/retire", null);

        Assert.Equal("Retired", (await retire.ReadJsonAsync()).GetProperty("status").GetString());
        retire.ETag();
        var read = await (await client.GetAsync($"{Products}/{code}")).ReadJsonAsync();
        Assert.Equal("Retired", read.GetProperty("status").GetString());
        var series = await (await client.GetAsync($"{SeriesRoute}/OPS-SD")).ReadJsonAsync();
        Assert.Contains(code, series.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Filtering_by_status_Retired_lists_a_retired_product_and_only_retired_ones()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await CreateProductAsync(client, code);
        await (await client.PostAsync($"{Products}/{code}/retire", null)).ReadJsonAsync();

        var retired = await (await client.GetAsync($"{Products}?status=Retired&limit=200")).ReadJsonAsync();
        var active = await (await client.GetAsync($"{Products}?status=Active&limit=200")).ReadJsonAsync();

        Assert.Contains(code, retired.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.All(retired.GetProperty("items").EnumerateArray(), p => Assert.Equal("Retired", p.GetProperty("status").GetString()));
        Assert.DoesNotContain(code, active.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.All(active.GetProperty("items").EnumerateArray(), p => Assert.Equal("Active", p.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Retiring_a_retired_product_is_409_illegal_transition()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await CreateProductAsync(client, code);
        await (await client.PostAsync($"{Products}/{code}/retire", null)).ReadJsonAsync();

        await (await client.PostAsync($"{Products}/{code}/retire", null)).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/illegal-transition");
    }

    [Fact]
    public async Task Reinstating_a_retired_product_makes_it_Active_and_reinstating_again_is_409()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await CreateProductAsync(client, code);
        await (await client.PostAsync($"{Products}/{code}/retire", null)).ReadJsonAsync();

        var reinstated = await client.PostAsync($"{Products}/{code}/reinstate", null);

        Assert.Equal("Active", (await reinstated.ReadJsonAsync()).GetProperty("status").GetString());
        reinstated.ETag();
        await (await client.PostAsync($"{Products}/{code}/reinstate", null)).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/illegal-transition");
    }

    [Fact]
    public async Task Retiring_an_unknown_product_is_404()
    {
        using var client = factory.CreateAdminClient();
        await (await client.PostAsync($"{Products}/NOPE-01/retire", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"{Products}/NOPE-01/reinstate", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Putting_status_Active_on_a_retired_product_is_409_product_retired()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await CreateProductAsync(client, code);
        await (await client.PostAsync($"{Products}/{code}/retire", null)).ReadJsonAsync();

        await (await client.PutJsonAsync($"{Products}/{code}", ProductPut().With("status", "Active").With("name", "Renamed")))
            .AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/product-retired");

        var read = await (await client.GetAsync($"{Products}/{code}")).ReadJsonAsync();
        Assert.Equal("Retired", read.GetProperty("status").GetString());
        Assert.Equal("Meeting Room Support", read.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patching_status_Active_on_a_retired_product_is_409_product_retired()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await CreateProductAsync(client, code);
        await (await client.PostAsync($"{Products}/{code}/retire", null)).ReadJsonAsync();

        await (await client.PatchJsonAsync($"{Products}/{code}", new { status = "Active" })).AssertProblemAsync(HttpStatusCode.Conflict, typeEndsWith: "/product-retired");
    }

    [Fact]
    public async Task Editing_a_retired_product_keeps_it_retired()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await CreateProductAsync(client, code);
        await (await client.PostAsync($"{Products}/{code}/retire", null)).ReadJsonAsync();

        var put = await (await client.PutJsonAsync($"{Products}/{code}", ProductPut().With("name", "Legacy Room Support"))).ReadJsonAsync();
        var patch = await (await client.PatchJsonAsync($"{Products}/{code}", new { nameZh = "旧会议室支持" })).ReadJsonAsync();

        Assert.Equal("Retired", put.GetProperty("status").GetString());
        Assert.Equal("Retired", patch.GetProperty("status").GetString());
        Assert.Equal("Legacy Room Support", patch.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Putting_status_Retired_retires_the_product()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await CreateProductAsync(client, code);

        var product = await (await client.PutJsonAsync($"{Products}/{code}", ProductPut().With("status", "Retired"))).ReadJsonAsync();

        Assert.Equal("Retired", product.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Creating_a_product_as_Retired_is_allowed()
    {
        using var client = factory.CreateAdminClient();
        var product = await (await client.PostJsonAsync(Products, Product(NewCode("PR")).With("status", "Retired"))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Retired", product.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Changing_a_product_changes_the_ETag_of_its_series_and_line()
    {
        using var client = factory.CreateAdminClient();
        var code = NewCode("PR");
        await CreateProductAsync(client, code, "CON-ITSM");
        var series = (await client.GetAsync($"{SeriesRoute}/CON-ITSM")).ETag();
        var line = (await client.GetAsync($"{Lines}/CON")).ETag();

        await (await client.PatchJsonAsync($"{Products}/{code}", new { name = "Renamed" })).ReadJsonAsync();

        Assert.NotEqual(series, (await client.GetAsync($"{SeriesRoute}/CON-ITSM")).ETag());
        Assert.NotEqual(line, (await client.GetAsync($"{Lines}/CON")).ETag());
    }
}
