using ServiceDesk.Application.Common.Interfaces;

namespace ServiceDesk.Application.Integrations;

/// <summary>An API key as listed: the secret itself is never shown again after creation.</summary>
/// <param name="Id">The key's id (used to revoke it).</param>
/// <param name="Name" example="monitoring-bridge">What the key is for.</param>
/// <param name="Roles">Roles granted to callers using the key.</param>
/// <param name="CustomerId">For a Customer key, the customer it belongs to.</param>
/// <param name="Prefix" example="sdk_3f9a">The first characters of the key, to tell keys apart.</param>
/// <param name="CreatedAt">When the key was issued.</param>
/// <param name="RevokedAt">When the key was revoked; null while it is valid.</param>
public sealed record ApiKeyResponse(
    Guid Id,
    string Name,
    IReadOnlyList<string> Roles,
    Guid? CustomerId,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);

/// <summary>A newly issued key: <c>key</c> is the secret, shown in this response only.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name" example="monitoring-bridge">What the key is for.</param>
/// <param name="Roles">Roles granted.</param>
/// <param name="CustomerId">For a Customer key, its customer.</param>
/// <param name="Key" example="sdk_3f9a0c...">The secret to send as X-Api-Key. Store it now: it cannot be read back. Null only in the
/// replay of a request repeated with the same Idempotency-Key (the secret is never stored): revoke that key and issue another.</param>
public sealed record CreatedApiKeyResponse(Guid Id, string Name, IReadOnlyList<string> Roles, Guid? CustomerId, string? Key) : IHasSecret
{
    /// <inheritdoc />
    public object WithoutSecret() => this with { Key = null };
}
