namespace ServiceDesk.Application.Common.Security;

/// <summary>Resolves a presented API key (by its hash) to the caller it identifies.</summary>
public interface IApiKeyStore
{
    /// <returns>The caller, or null for an unknown or revoked key.</returns>
    ValueTask<ApiKeyIdentity?> FindAsync(string keyHash, CancellationToken cancellationToken);
}

public sealed record ApiKeyIdentity(Guid Id, string Name, IReadOnlyList<string> Roles, Guid? CustomerId);
