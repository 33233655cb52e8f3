namespace Consultation.Infrastructure.Idempotency;

/// <summary>The Idempotency-Key header is malformed (HTTP 400, in <c>errors["Idempotency-Key"]</c>).</summary>
public sealed class InvalidIdempotencyKey(string message) : Exception(message);

/// <summary>The key was already used, by the same user on the same endpoint, for a different request (HTTP 422).</summary>
public sealed class IdempotencyKeyReused(string key)
    : Exception($"The Idempotency-Key '{key}' was already used for a different request to this endpoint; nothing was written. Use a new key for a new request.");

/// <summary>
/// A request with this key was committed but its response is not available yet, and the endpoint
/// cannot read it back (HTTP 409 with Retry-After). Retrying with the same key is safe.
/// </summary>
public sealed class IdempotentRequestInProgress(string key)
    : Exception($"A request with the Idempotency-Key '{key}' is still being completed; nothing more was written. Retry shortly with the same key to get its result.");
