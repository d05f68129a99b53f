namespace ServiceDesk.Application.Common.Interfaces;

/// <summary>Lets a revocation take effect at once on this instance by dropping the key from the authentication cache.</summary>
public interface IApiKeyCache
{
    void Evict(string keyHash);
}
