using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Api.Tests.Contract;

/// <summary>
/// The rule-named problem types (domain refusals such as change-freeze) are part of the contract: every route lists
/// the ones it can return in its OpenAPI description and on the responses of their statuses, and a route returning
/// one it does not declare is caught (the whole suite runs with <c>Problems:RefuseUndeclaredTypes</c> on).
/// </summary>
public sealed class ProblemTypeDeclarationTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    private const string Section = "Rule-named problem types";

    [Fact]
    public void Every_rule_name_is_described_with_its_statuses()
    {
        var names = typeof(RuleNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), ProblemTypes.Rules.Keys.Order(StringComparer.Ordinal));
        foreach (var (rule, (statuses, meaning)) in ProblemTypes.Rules)
        {
            Assert.NotEmpty(statuses);
            Assert.All(statuses, s => Assert.Contains(s, new[] { 409, 422 }));
            Assert.False(string.IsNullOrWhiteSpace(meaning), rule);
        }
    }

    [Fact]
    public async Task Each_operation_lists_its_rule_named_types_in_its_description_and_on_their_statuses()
    {
        var document = await DocumentAsync();
        var declaredSomewhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (route, method, operation) in Operations(document))
        {
            var listed = Listed(operation.GetProperty("description").GetString()!);
            declaredSomewhere.UnionWith(listed.Keys);
            if (method != "get")
                Assert.True(listed.ContainsKey(RuleNames.WriteContention), $"{method} {route} lists write-contention");
            else
                Assert.DoesNotContain(RuleNames.WriteContention, listed.Keys);

            foreach (var (rule, statuses) in listed)
            {
                Assert.True(ProblemTypes.Rules.TryGetValue(rule, out var known), $"{method} {route}: '{rule}' is a rule name");
                Assert.Equal(known.Statuses, statuses);
                foreach (var status in statuses)
                {
                    var response = operation.GetProperty("responses").GetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Assert.Contains(rule, response.GetProperty("description").GetString()!, StringComparison.Ordinal);
                }
            }
        }

        // Every rule some route can answer with is declared by at least one route: none is left out of the document.
        Assert.Equal(ProblemTypes.Rules.Keys.Order(StringComparer.Ordinal), declaredSomewhere.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/changes/{number}/schedule", "post", new[] { "change-conflict", "change-freeze", "illegal-transition", "window-in-the-past", "write-contention" })]
    [InlineData("/api/v1/service-desk/tickets", "post", new[] { "idempotency-in-progress", "idempotency-key-reused", "not-entitled", "not-requestable", "product-retired", "write-contention" })]
    [InlineData("/api/v1/incidents/{number}/satisfaction", "post", new[] { "already-rated", "idempotency-in-progress", "idempotency-key-reused", "not-resolved", "write-contention" })]
    [InlineData("/api/v1/service-levels/{code}", "delete", new[] { "service-level-in-use", "write-contention" })]
    [InlineData("/api/v1/incidents/{number}", "get", new string[0])]
    public async Task A_route_lists_exactly_the_rules_its_handler_can_refuse_with(string route, string method, string[] expected)
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty(route).GetProperty(method);
        Assert.Equal(expected, Listed(operation.GetProperty("description").GetString()!).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_declared_type_is_answered_as_is()
    {
        var (context, handler) = Handler(refuse: true, RuleNames.ChangeFreeze);
        Assert.True(await handler.TryHandleAsync(context, Freeze(), CancellationToken.None));
        var problem = await ProblemAsync(context);
        Assert.Equal(422, context.Response.StatusCode);
        Assert.Equal(ProblemTypes.For(RuleNames.ChangeFreeze), problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_undeclared_type_is_a_500_naming_it_where_undeclared_types_are_refused()
    {
        var (context, handler) = Handler(refuse: true, RuleNames.ChangeConflict);
        Assert.True(await handler.TryHandleAsync(context, Freeze(), CancellationToken.None));
        var problem = await ProblemAsync(context);
        Assert.Equal(500, context.Response.StatusCode);
        Assert.Contains("change-freeze", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("/api/v1/changes/{number}/schedule", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undeclared_type_still_reaches_the_client_where_they_are_not_refused()
    {
        var (context, handler) = Handler(refuse: false, RuleNames.ChangeConflict);
        Assert.True(await handler.TryHandleAsync(context, Freeze(), CancellationToken.None));
        Assert.Equal(422, context.Response.StatusCode);
        Assert.Equal(ProblemTypes.For(RuleNames.ChangeFreeze), (await ProblemAsync(context)).GetProperty("type").GetString());
    }

    private static DomainException Freeze() => new(RuleNames.ChangeFreeze, "The window falls in 'Year-end close'.");

    private static (DefaultHttpContext Context, ExceptionToProblemHandler Handler) Handler(bool refuse, params string[] declared)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ExceptionToProblemHandler.RefuseUndeclaredSetting] = refuse ? "true" : "false" })
            .Build();
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        context.Request.Method = "POST";
        context.Request.Path = "/api/v1/changes/CHG000001/schedule";
        context.SetEndpoint(new RouteEndpoint(
            _ => Task.CompletedTask,
            RoutePatternFactory.Parse("/api/v1/changes/{number}/schedule"),
            0,
            new EndpointMetadataCollection(new ProducesProblemTypesMetadata(declared), new HttpMethodMetadata(["POST"])),
            "ScheduleChange"));
        return (context, new ExceptionToProblemHandler(NullLogger<ExceptionToProblemHandler>.Instance, configuration));
    }

    private static async Task<JsonElement> ProblemAsync(DefaultHttpContext context)
    {
        context.Response.Body.Position = 0;
        return (await JsonDocument.ParseAsync(context.Response.Body)).RootElement.Clone();
    }

    /// <summary>The types an operation's description lists, each with its statuses ("- `name` (409/422): meaning").</summary>
    private static Dictionary<string, int[]> Listed(string description)
    {
        var at = description.IndexOf(Section, StringComparison.Ordinal);
        if (at < 0)
            return [];
        return description[at..].Split('\n').Skip(1)
            .Where(line => line.StartsWith("- `", StringComparison.Ordinal))
            .Select(line => (Name: line[3..line.IndexOf('`', 3)], Statuses: line[(line.IndexOf('(') + 1)..line.IndexOf(')')]))
            .ToDictionary(l => l.Name, l => l.Statuses.Split('/').Select(int.Parse).ToArray(), StringComparer.Ordinal);
    }

    private Task<JsonElement> DocumentAsync() => ServedOpenApi.DocumentAsync(factory);

    private static IEnumerable<(string Route, string Method, JsonElement Operation)> Operations(JsonElement document) => ServedOpenApi.Operations(document);
}
