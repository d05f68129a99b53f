using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Infrastructure.Integrations;

/// <summary>
/// Looks keys up by hash, caching hits and misses briefly so that authentication does not cost a database round
/// trip on every request. A revocation evicts the key here at once; other instances drop it within
/// <see cref="AuthOptions.KeyCacheSeconds"/>.
/// </summary>
internal sealed class ApiKeyStore(ServiceDeskDbContext db, IMemoryCache cache, IOptions<AuthOptions> options) : IApiKeyStore, IApiKeyCache
{
    public async ValueTask<ApiKeyIdentity?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey(keyHash), out ApiKeyIdentity? cached))
            return cached;

        var identity = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == keyHash && k.RevokedAt == null)
            .Select(k => new ApiKeyIdentity(k.Id, k.Name, k.Roles, k.CustomerId))
            .FirstOrDefaultAsync(cancellationToken);

        var seconds = options.Value.KeyCacheSeconds;
        if (seconds > 0)
            cache.Set(CacheKey(keyHash), identity, TimeSpan.FromSeconds(seconds));
        return identity;
    }

    public void Evict(string keyHash) => cache.Remove(CacheKey(keyHash));

    private static string CacheKey(string keyHash) => "api-key:" + keyHash;
}

/// <summary>The <c>Auth</c> configuration section (the parts the infrastructure reads).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>When set, an Admin key with exactly this value exists after start.</summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>How long a looked-up key is trusted before it is read again (revocation delay on other instances).</summary>
    public int KeyCacheSeconds { get; set; } = 10;
}
