using Marten.Services.BatchQuerying;

namespace Consultation.Convergence.Measuring;

/// <summary>An async projection shard that has not yet processed every event.</summary>
public sealed record LaggingProjection(string Shard, long Sequence);

/// <summary>
/// How fresh a convergence answer is. Measures are computed on read from inline read models (position versions,
/// stakeholders, processes), which are committed with their events, so they are never behind the event store:
/// <see cref="ReflectsSequence"/> is the highest event sequence number the answer reflects — every event committed
/// when the read began (for <c>asOf</c>, every event recorded at or before it). <see cref="HighestSequence"/> is the
/// store's highest sequence now. <see cref="AsyncProjectionsBehind"/> says whether any async projection of the store
/// (summaries the daemon keeps) has not yet reached <see cref="HighestSequence"/>; those that have not are listed.
/// </summary>
public sealed record Freshness(
    long ReflectsSequence,
    long HighestSequence,
    string ComputedFrom,
    bool AsyncProjectionsBehind,
    IReadOnlyList<LaggingProjection> LaggingProjections)
{
    public const string Inline = "inline read models, on read";

    private const string HighestKey = " highest";

    /// <summary>Read before the measure is computed, so the measure reflects at least these events.</summary>
    public static async Task<Freshness> ReadAsync(IQuerySession session, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var freshness = Enlist(batch, session.DocumentStore, asOf);
        await batch.Execute(cancellationToken);
        return await freshness();
    }

    /// <summary>
    /// The freshness, enlisted in <paramref name="batch"/> (one statement, two as of a moment). Enlist it before the reads of the
    /// measure: a batch's statements run in order, so the measure reflects at least these events.
    /// </summary>
    public static Func<Task<Freshness>> Enlist(IBatchedQuery batch, IDocumentStore store, DateTimeOffset? asOf)
    {
        var schema = store.Options.Events.DatabaseSchemaName;

        // The store's highest sequence (named by a key no shard has) and every shard's progress.
        var progression = batch.Query<string>(
            $"select '{HighestKey}|' || coalesce(max(seq_id), 0) from {schema}.mt_events "
            + $"union all select name || '|' || last_seq_id from {schema}.mt_event_progression");
        var reflected = asOf is { } at ? ReflectedAsOf(batch, schema, at) : null;
        var asyncShards = ((StoreOptions)store.Options).Projections.AllShards()
            .Select(s => s.Name.Identity)
            .ToHashSet(StringComparer.Ordinal);

        return async () =>
        {
            var rows = (await progression)
                .Select(r => (Name: r[..r.LastIndexOf('|')], Sequence: long.Parse(r[(r.LastIndexOf('|') + 1)..], System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            var highest = rows.First(r => r.Name == HighestKey).Sequence;
            var reflects = reflected is null ? highest : long.Parse((await reflected).Single(), System.Globalization.CultureInfo.InvariantCulture);
            var progress = rows
                .Where(r => r.Name != HighestKey && asyncShards.Contains(r.Name))
                .ToDictionary(r => r.Name, r => r.Sequence, StringComparer.Ordinal);
            var lagging = asyncShards
                .Select(shard => new LaggingProjection(shard, progress.GetValueOrDefault(shard)))
                .Where(p => p.Sequence < highest)
                .OrderBy(p => p.Shard, StringComparer.Ordinal)
                .ToList();
            return new Freshness(reflects, highest, Inline, lagging.Count > 0, lagging);
        };
    }

    /// <summary>
    /// The highest sequence recorded at or before <paramref name="at"/>. A plain <c>max(seq_id) where timestamp &lt;= at</c>
    /// walks the primary key backwards over every event recorded after the moment (it grew with the store); instead the
    /// timestamp index finds the last event recorded by then, and the sequences just after it are checked for concurrent
    /// writes stamped earlier — the window <c>asOfSequence</c> relies on (<see cref="Audit.Replaying.SequenceMoments.Window"/>).
    /// </summary>
    private static Task<IReadOnlyList<string>> ReflectedAsOf(IBatchedQuery batch, string schema, DateTimeOffset at) =>
        batch.Query<string>(
            $"with anchor as (select seq_id from {schema}.mt_events where timestamp <= ? order by timestamp desc, seq_id desc limit 1) "
            + $"select coalesce(max(e.seq_id), 0)::text from {schema}.mt_events e, anchor a "
            + $"where e.seq_id between a.seq_id and a.seq_id + {Audit.Replaying.SequenceMoments.Window} and e.timestamp <= ?",
            at,
            at);
}
