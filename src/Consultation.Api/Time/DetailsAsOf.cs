namespace Consultation.Time;

/// <summary>
/// The detail reads (a process, meeting, area, stakeholder, position, thresholds) as the record stands, or as it stood at a
/// recorded moment (<c>asOf</c>, and so <c>asOfSequence</c>): then the same single-stream projection is applied live to the
/// stream's events recorded by that moment, so the answer is what the stored document said then.
/// </summary>
public static class DetailsAsOf
{
    public const string AsOfDescription =
        "asOf (ISO 8601 recorded time) or asOfSequence (global sequence): the record as it stood then; no ETag is sent for a past state.";

    public static async Task<T> LoadAsync<T>(IQuerySession session, string what, string key, string? asOf, CancellationToken cancellationToken)
        where T : class
    {
        if (TimeAxes.ParseTimestamp(asOf) is not { } at)
        {
            return await session.LoadAsync<T>(key, cancellationToken) ?? throw new StreamNotFound(what, key);
        }

        return await session.Events.AggregateStreamAsync<T>(key, timestamp: at, token: cancellationToken)
            ?? throw new StreamNotFound(what, key, at);
    }

    /// <summary>The ETag goes with the current state only: a past state is not a version to update from.</summary>
    public static void SetETag(HttpContext http, long version, string? asOf)
    {
        if (string.IsNullOrWhiteSpace(asOf))
        {
            http.Response.Headers.ETag = ETags.For(version);
        }
    }
}
