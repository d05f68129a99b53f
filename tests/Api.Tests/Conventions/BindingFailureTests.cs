using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Common;

namespace ServiceDesk.Api.Tests.Conventions;

/// <summary>
/// Binding failures are named from the endpoint's declared parameters and the request, never from the framework's
/// message: each case here throws with a message that says nothing.
/// </summary>
public sealed class BindingFailureTests
{
    private const string Meaningless = "(wording owned by the framework)";

    private sealed record Probe(string Name, int Count);

    private sealed class StrictProbe
    {
        public required string Code { get; init; }

        public required string Name { get; init; }
    }

    private static void Handler(Guid id, int? limit, [FromQuery(Name = "page-size")] int size, Probe body, CancellationToken ct)
    {
    }

    private sealed record Parameter(string Name, ParameterInfo ParameterInfo, bool HasTryParse, bool HasBindAsync, bool IsOptional) : IParameterBindingMetadata;

    /// <summary>The metadata RequestDelegateFactory records for <see cref="Handler"/>, and a failed request to it.</summary>
    private static DefaultHttpContext Request(string query, string id = "3fa85f64-5717-4562-b3fc-2c963f66afa6", Type? bodyType = null)
    {
        var parameters = typeof(BindingFailureTests).GetMethod(nameof(Handler), BindingFlags.NonPublic | BindingFlags.Static)!.GetParameters();
        var metadata = new List<object>
        {
            new Parameter("id", parameters[0], true, false, false),
            new Parameter("limit", parameters[1], true, false, true),
            new Parameter("size", parameters[2], true, false, false),
            new Parameter("body", parameters[3], false, false, false),
            new Parameter("ct", parameters[4], false, false, false),
            new AcceptsMetadata(["application/json"], bodyType ?? typeof(Probe), isOptional: false),
        };
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddOptions().BuildServiceProvider() };
        context.Request.QueryString = new QueryString(query);
        context.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature
        {
            Error = new InvalidOperationException(),
            Endpoint = new Endpoint(null, new EndpointMetadataCollection(metadata), "probe"),
            RouteValues = new RouteValueDictionary { ["id"] = id },
            Path = "/probe",
        });
        return context;
    }

    private static Dictionary<string, string[]> Describe(HttpContext context, Exception? inner = null) =>
        BindingFailures.Describe(context, inner is null
            ? new BadHttpRequestException(Meaningless, StatusCodes.Status400BadRequest)
            : new BadHttpRequestException(Meaningless, StatusCodes.Status400BadRequest, inner));

    [Theory]
    [InlineData("?page-size=10&limit=abc", "limit")]
    [InlineData("?page-size=10&limit=1.5", "limit")]
    [InlineData("?page-size=10&limit=99999999999", "limit")]
    [InlineData("?page-size=ten", "page-size")]
    public void A_query_value_that_does_not_parse_as_declared_is_named_as_sent(string query, string field)
    {
        var errors = Describe(Request(query));

        Assert.Equal([field], errors.Keys);
        Assert.Equal($"'{field}' has a value of the wrong type or format.", errors[field].Single());
    }

    [Fact]
    public void A_route_value_that_does_not_parse_is_named()
    {
        Assert.Equal(["id"], Describe(Request("?page-size=10", id: "not-a-guid")).Keys);
    }

    [Fact]
    public void A_missing_required_query_value_is_named()
    {
        var errors = Describe(Request("?limit=5"));

        Assert.Equal("'page-size' is required.", errors["page-size"].Single());
    }

    [Fact]
    public void When_every_value_binds_the_missing_body_is_reported_under_body()
    {
        var errors = Describe(Request("?page-size=10&limit="));

        Assert.Equal("A JSON body is required.", errors["body"].Single());
    }

    [Theory]
    [InlineData("$.contact.email", "contact.email")]
    [InlineData("$.items[2].code", "items[2].code")]
    [InlineData("$.count", "count")]
    public void A_JSON_value_of_the_wrong_type_is_named_by_its_path(string path, string field)
    {
        var errors = Describe(Request("?page-size=10"), new JsonException(Meaningless, path, 0, 10));

        Assert.Equal($"'{field}' has a value of the wrong type or format.", errors[field].Single());
    }

    [Fact]
    public void JSON_that_does_not_parse_is_reported_under_body()
    {
        var reader = new JsonException(Meaningless, "$", 0, 1);
        var errors = Describe(Request("?page-size=10"), new JsonException(Meaningless, "$", 0, 1, reader));

        Assert.Equal("The body is not valid JSON.", errors["body"].Single());
    }

    [Fact]
    public void An_object_without_its_required_properties_is_reported_under_body_naming_them()
    {
        var errors = Describe(Request("?page-size=10", bodyType: typeof(StrictProbe)), new JsonException(Meaningless, "$", 0, 14));

        Assert.Equal("The body must be a JSON object with the required properties 'code', 'name'.", errors["body"].Single());
    }
}
