namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>
/// A create request made with an Idempotency-Key: claimed before the work runs (the key is the primary key, so two
/// concurrent retries cannot both create), completed with the response so a retry gets the same answer.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
        CallerId = Key = RequestHash = string.Empty;
    }

    public IdempotencyRecord(string callerId, string key, string requestHash, DateTimeOffset createdAt)
    {
        CallerId = callerId;
        Key = key;
        RequestHash = requestHash;
        CreatedAt = createdAt;
    }

    public string CallerId { get; private set; }

    public string Key { get; private set; }

    /// <summary>SHA-256 of method, path and body: the same key with another body is refused.</summary>
    public string RequestHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Null while the first request is still running.</summary>
    public int? StatusCode { get; private set; }

    public string? ResponseBody { get; private set; }

    public string? Location { get; private set; }

    /// <summary>The ETag the first answer carried, so a replay carries it too.</summary>
    public string? ETag { get; private set; }

    public void Complete(int statusCode, string? body, string? location, string? etag)
    {
        StatusCode = statusCode;
        ResponseBody = body;
        Location = location;
        ETag = etag;
    }
}
