namespace Consultation.Infrastructure.Idempotency;

/// <summary>
/// One idempotent request, stored as a Marten document. It is inserted through the request's own
/// <see cref="IDocumentSession"/> before the handler runs, so it commits in the same transaction as
/// the events the handler appends (or not at all); a second save records the response for exact
/// replay. Records are kept (never expired): they are part of the audit trail of who submitted what.
/// </summary>
public sealed record IdempotencyRecord
{
    /// <summary><c>{scope}|{user}|{key}</c>: keys are scoped per endpoint and per user.</summary>
    public required string Id { get; init; }

    /// <summary>The endpoint: method and route pattern, e.g. <c>POST /processes/{process}/positions/batch</c>.</summary>
    public required string Scope { get; init; }

    public required string UserName { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of the method, path, query and the request body as bound (so JSON formatting does not matter).</summary>
    public required string RequestHash { get; init; }

    /// <summary>Tells this attempt from a concurrent one with the same key.</summary>
    public required Guid Attempt { get; init; }

    public required string CorrelationId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Null until the response is recorded (the events are committed as soon as the record exists).</summary>
    public StoredResponse? Response { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>
    /// The handler's answer as the store serializes it, committed with the events (the batches keep theirs:
    /// <c>Batching/BatchAnswers</c>), from which a retry rebuilds the response when <see cref="Response"/> was never recorded.
    /// Set on the pending record, before the save that commits it (Marten serializes a document when it saves it); kept
    /// when the response is recorded.
    /// </summary>
    public string? Answer { get; set; }

    public static string IdFor(string scope, string userName, string key) => $"{scope}|{userName}|{key}";
}

/// <summary>What was answered the first time, replayed byte for byte.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, string? ETag, string Body);

public static class IdempotencyStore
{
    /// <summary>Registers the record document, so schema commands (<c>db-apply</c>, <c>db-assert</c>) know its table.</summary>
    public static void AddIdempotencyRecords(this StoreOptions options) =>
        options.Schema.For<IdempotencyRecord>().Index(x => x.CreatedAt);
}
