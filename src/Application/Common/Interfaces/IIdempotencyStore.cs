namespace ServiceDesk.Application.Common.Interfaces;

/// <summary>Durable store of create requests made with an Idempotency-Key (survives restarts).</summary>
public interface IIdempotencyStore
{
    /// <summary>Claims the key for this request; when the key is already known, returns what is stored for it instead.</summary>
    Task<IdempotencyClaim> ClaimAsync(string callerId, string key, string requestHash, CancellationToken cancellationToken);

    Task CompleteAsync(string callerId, string key, int statusCode, string? body, string? location, CancellationToken cancellationToken);

    /// <summary>Frees the key after a failed request, so the client can retry with it.</summary>
    Task ReleaseAsync(string callerId, string key, CancellationToken cancellationToken);
}

/// <param name="Claimed">True: this request owns the key and must do the work.</param>
/// <param name="SameRequest">For a known key: whether the stored request had the same hash.</param>
/// <param name="StatusCode">For a known, completed key: the stored status; null while the first request still runs.</param>
public sealed record IdempotencyClaim(bool Claimed, bool SameRequest, int? StatusCode, string? Body, string? Location);
