using ServiceDesk.Domain.Common;

namespace ServiceDesk.Api.Common;

/// <summary>The rule-named problem types an endpoint declares it can return (see <see cref="ProblemTypeDeclarations"/>).</summary>
public sealed class ProducesProblemTypesMetadata(IReadOnlyList<string> rules)
{
    public IReadOnlyList<string> Rules { get; } = rules;
}

/// <summary>
/// Which rule-named problem types (<see cref="RuleNames"/>) a route can return: what it declares with
/// <c>.ProducesProblemTypes(...)</c>, plus what follows from its shape: <c>write-contention</c> on every write (each
/// command is retried when it loses an optimistic-concurrency race, and answers that once every retry lost) and the
/// two <c>Idempotency-Key</c> rules on <c>.Idempotent()</c> routes. The OpenAPI document lists them per operation, and the exception handler checks every
/// problem it writes against them, so a rule added to a handler but not to its route shows up (a warning; a 500 in tests).
/// </summary>
public static class ProblemTypeDeclarations
{
    /// <summary>Declares rule-named problem types the endpoint (or every endpoint of the group) can return.</summary>
    public static TBuilder ProducesProblemTypes<TBuilder>(this TBuilder builder, params string[] rules)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            if (!ProblemTypes.Rules.ContainsKey(rule))
                throw new ArgumentException($"'{rule}' is not a rule-named problem type (ProblemTypes.Rules).", nameof(rules));
        }

        return builder.WithMetadata(new ProducesProblemTypesMetadata(rules));
    }

    /// <summary>Every rule-named type the endpoint with this metadata can return, with its status.</summary>
    public static IReadOnlyList<(string Rule, int Status)> Declared(IReadOnlyList<object> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var rules = metadata.OfType<ProducesProblemTypesMetadata>().SelectMany(m => m.Rules).ToList();
        if (metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m)))
            rules.Add(RuleNames.WriteContention);
        if (metadata.OfType<IdempotentMetadata>().Any())
            rules.AddRange([RuleNames.IdempotencyKeyReused, RuleNames.IdempotencyInProgress]);

        return rules.Distinct(StringComparer.Ordinal)
            .SelectMany(rule => ProblemTypes.Rules[rule].Statuses.Select(status => (rule, status)))
            .ToList();
    }

    /// <summary>Whether the endpoint declares the rule with this status (true for a request that matched no endpoint).</summary>
    public static bool Allows(Endpoint? endpoint, string rule, int status) =>
        endpoint is null || Declared(endpoint.Metadata).Contains((rule, status));
}
