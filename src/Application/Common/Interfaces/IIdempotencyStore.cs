namespace ServiceDesk.Application.Common.Interfaces;

/// <summary>Durable store of create requests made with an Idempotency-Key (survives restarts).</summary>
public interface IIdempotencyStore
{
    /// <summary>Claims the key for this request; when the key is already known, returns what is stored for it instead.</summary>
    Task<IdempotencyClaim> ClaimAsync(string callerId, string key, string requestHash, CancellationToken cancellationToken);

    /// <summary>Stores the first answer, which every retry with this key is given.</summary>
    Task CompleteAsync(string callerId, string key, IdempotentAnswer answer, CancellationToken cancellationToken);

    /// <summary>Frees the key after a failed request, so the client can retry with it.</summary>
    Task ReleaseAsync(string callerId, string key, CancellationToken cancellationToken);
}

/// <param name="Claimed">True: this request owns the key and must do the work.</param>
/// <param name="SameRequest">For a known key: whether the stored request had the same hash.</param>
/// <param name="StatusCode">For a known, completed key: the stored status; null while the first request still runs.</param>
/// <param name="Body">For a known, completed key: the stored response body (JSON).</param>
/// <param name="Location">For a known, completed key: the stored Location header.</param>
/// <param name="ETag">For a known, completed key: the stored ETag header.</param>
public sealed record IdempotencyClaim(bool Claimed, bool SameRequest, int? StatusCode, string? Body, string? Location, string? ETag);

/// <summary>The first answer to a request made with an Idempotency-Key: what a retry is given.</summary>
/// <param name="StatusCode">Its status (2xx).</param>
/// <param name="Body">Its body as JSON, with any secret left out (see <see cref="IHasSecret"/>).</param>
/// <param name="Location">Its Location header, if any.</param>
/// <param name="ETag">Its ETag header, if any.</param>
public sealed record IdempotentAnswer(int StatusCode, string? Body, string? Location, string? ETag);

/// <summary>
/// A response carrying a secret shown once (a new API key): it is never stored for a replay, so a retry with the
/// same Idempotency-Key gets the record without the secret.
/// </summary>
public interface IHasSecret
{
    /// <summary>The same response with the secret left out.</summary>
    object WithoutSecret();
}
