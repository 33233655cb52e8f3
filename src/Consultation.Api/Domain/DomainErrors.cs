namespace Consultation.Domain;

/// <summary>A business rule of the consultation record was broken (HTTP 409).</summary>
public sealed class DomainRuleViolation(string message) : Exception(message);

/// <summary>The addressed stream does not exist (HTTP 404).</summary>
public sealed class StreamNotFound(string what, string key, string message)
    : Exception(message)
{
    public StreamNotFound(string what, string key)
        : this(what, key, $"{what} '{key}' does not exist.")
    {
    }

    /// <summary>Asked as of a recorded moment before the stream began.</summary>
    public StreamNotFound(string what, string key, DateTimeOffset asOf)
        : this(what, key, $"{what} '{key}' did not exist as of {asOf.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'}.")
    {
    }

    public string What { get; } = what;
    public string Key { get; } = key;
}

/// <summary>The client's If-Match version is not the stream's current version (HTTP 412).</summary>
public sealed class StaleVersion(string what, string key, long expected, long actual)
    : Exception($"{what} '{key}' is at version {actual}, not {expected}: it changed since you read it. Fetch it again and retry.")
{
    public long Actual { get; } = actual;
}
