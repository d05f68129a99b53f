using System.Security.Cryptography;
using System.Text;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Integrations;

/// <summary>
/// A credential for an integration or a person: only the SHA-256 hash of the secret is stored, so a key is
/// shown once at creation and can never be read back.
/// </summary>
public sealed class ApiKey : Entity
{
    public const int NameMaxLength = 100;
    public const string RoleCustomer = "Customer";

    private ApiKey()
    {
        Name = Hash = Prefix = string.Empty;
    }

    private ApiKey(Guid id, string name, string hash, string prefix, IEnumerable<string> roles, Guid? customerId, DateTimeOffset createdAt)
    {
        Id = id;
        Name = Guard.Required(name, "name", NameMaxLength);
        Hash = hash;
        Prefix = prefix;
        Roles = roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (Roles.Count == 0)
            throw DomainException.Invalid("roles", "'roles' must name at least one role.");
        if (Roles.Contains(RoleCustomer) && customerId is null)
            throw DomainException.Invalid("customerId", "A key with the Customer role must name the customer it belongs to.");
        if (!Roles.Contains(RoleCustomer) && customerId is not null)
            throw DomainException.Invalid("customerId", "Only a key with the Customer role belongs to a customer.");
        CustomerId = customerId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Lowercase hex SHA-256 of the secret: what a presented key is looked up by.</summary>
    public string Hash { get; private set; }

    /// <summary>The first characters of the secret, safe to show so people can tell their keys apart.</summary>
    public string Prefix { get; private set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public Guid? CustomerId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Creates a key with a fresh random secret; the secret is returned once and never stored.</summary>
    public static (ApiKey Key, string Secret) Issue(string name, IEnumerable<string> roles, Guid? customerId, DateTimeOffset now)
    {
        var secret = "sdk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (WithSecret(name, secret, roles, customerId, now), secret);
    }

    /// <summary>Creates a key for a secret chosen by the operator (the bootstrap admin key).</summary>
    public static ApiKey WithSecret(string name, string secret, IEnumerable<string> roles, Guid? customerId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        return new ApiKey(Guid.NewGuid(), name, HashOf(secret), secret[..Math.Min(8, secret.Length)], roles, customerId, now);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset at)
    {
        if (IsRevoked)
            throw DomainException.IllegalTransition("API key", "Revoked", "revoke");
        RevokedAt = at;
    }
}
