using System.Text.Json.Serialization;
using ServiceDesk.Domain.Customers;

namespace ServiceDesk.Application.Customers;

/// <summary>Which service level applies to a customer's ticket on a product (domain.md section 2), or why none does.</summary>
public interface IEntitlementResolver
{
    /// <param name="customerId">The customer the ticket is for.</param>
    /// <param name="productCode">Null for a ticket with no product: the customer's best valid level applies.</param>
    /// <param name="at">The instant agreements must be valid at.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    Task<Entitlement> ResolveAsync(Guid customerId, string? productCode, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>The answer: entitled with a level and the agreement it comes from, or not entitled with the reason.</summary>
/// <param name="CustomerId">The customer asked about.</param>
/// <param name="ProductCode" example="OPS-SD-01">The product asked about (null: no product).</param>
/// <param name="Entitled">Whether a valid agreement covers it.</param>
/// <param name="ServiceLevelCode" example="GOLD">The level that applies; null when not entitled.</param>
/// <param name="AgreementId">The agreement that grants it; null when not entitled.</param>
/// <param name="Reason" example="Product-level agreement (best rank among 1 matching).">Why this level applies, or why none does (for people: never decide on it).</param>
/// <param name="Outcome">What was decided, for code to branch on; not part of the HTTP body.</param>
public sealed record Entitlement(
    Guid CustomerId,
    string? ProductCode,
    bool Entitled,
    string? ServiceLevelCode,
    Guid? AgreementId,
    string Reason,
    [property: JsonIgnore] EntitlementOutcome Outcome);
