namespace ServiceDesk.Domain.Customers;

/// <summary>
/// Which of a customer's agreements decides the service level of a ticket (domain.md section 2), as a pure function
/// over the candidate agreements, so the rule can be read and tested without a database:
/// <list type="number">
/// <item>a retired product is not entitled, whatever the agreements say;</item>
/// <item>only agreements in force at the instant count (valid from inclusive, to exclusive, not cancelled);</item>
/// <item>an agreement that lists the product beats one that covers its line;</item>
/// <item>among several of the same kind the best (lowest) rank wins;</item>
/// <item>with no product, the best level among all agreements in force applies (the customer's default).</item>
/// </list>
/// </summary>
public static class EntitlementPolicy
{
    public static EntitlementDecision Decide(
        string customerCode,
        EntitledProduct? product,
        IEnumerable<EntitlementCandidate> candidates,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (product is { Retired: true })
            return EntitlementDecision.NotEntitled(EntitlementOutcome.ProductRetired, $"Product {product.Code} is retired.");

        var inForce = candidates.Where(c => Agreement.StatusAt(c.ValidFrom, c.ValidTo, c.CancelledAt, at) == AgreementStatus.Active).ToList();

        if (product is null)
        {
            return Best(inForce) is { } best
                ? EntitlementDecision.EntitledBy(best, $"No product given: the customer's best level among {inForce.Count} agreement(s) in force applies.")
                : EntitlementDecision.NotEntitled(EntitlementOutcome.NoAgreementInForce, $"Customer {customerCode} has no agreement in force.");
        }

        var productLevel = inForce.Where(c => c.ProductCodes.Contains(product.Code, StringComparer.Ordinal)).ToList();
        if (Best(productLevel) is { } byProduct)
            return EntitlementDecision.EntitledBy(byProduct, $"Product-level agreement for {product.Code} (best rank among {productLevel.Count} matching).");

        var lineLevel = inForce.Where(c => string.Equals(c.ProductLineCode, product.LineCode, StringComparison.Ordinal)).ToList();
        if (Best(lineLevel) is { } byLine)
            return EntitlementDecision.EntitledBy(byLine, $"Line-level agreement for line {product.LineCode} (best rank among {lineLevel.Count} matching).");

        return EntitlementDecision.NotEntitled(
            EntitlementOutcome.NotCovered,
            $"No valid agreement of customer {customerCode} covers product {product.Code} or its line {product.LineCode}.");
    }

    /// <summary>Best rank first; ties go to the level code, then to the most recent start, so the answer never depends on row order.</summary>
    private static EntitlementCandidate? Best(List<EntitlementCandidate> candidates) =>
        candidates
            .OrderBy(c => c.Rank)
            .ThenBy(c => c.ServiceLevelCode, StringComparer.Ordinal)
            .ThenByDescending(c => c.ValidFrom)
            .ThenBy(c => c.AgreementId)
            .FirstOrDefault();
}

/// <summary>The product a ticket is about: its line decides line-level coverage.</summary>
public sealed record EntitledProduct(string Code, string LineCode, bool Retired);

/// <summary>
/// One of the customer's agreements as the policy sees it. <paramref name="ProductCodes"/> must contain the product
/// asked about when the agreement lists it (it may hold only that one).
/// </summary>
public sealed record EntitlementCandidate(
    Guid AgreementId,
    string ServiceLevelCode,
    int Rank,
    string? ProductLineCode,
    IReadOnlyCollection<string> ProductCodes,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidTo,
    DateTimeOffset? CancelledAt);

/// <summary>The policy's answer: <paramref name="Outcome"/> to decide on, <paramref name="Reason"/> to show.</summary>
public sealed record EntitlementDecision(EntitlementOutcome Outcome, Guid? AgreementId, string? ServiceLevelCode, string Reason)
{
    public bool Entitled => Outcome == EntitlementOutcome.Entitled;

    public static EntitlementDecision NotEntitled(EntitlementOutcome outcome, string reason) =>
        outcome == EntitlementOutcome.Entitled
            ? throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A refusal needs an outcome other than Entitled.")
            : new(outcome, null, null, reason);

    public static EntitlementDecision EntitledBy(EntitlementCandidate agreement, string reason)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new(EntitlementOutcome.Entitled, agreement.AgreementId, agreement.ServiceLevelCode, reason);
    }
}
