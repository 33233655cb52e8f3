using JasperFx.Events;
using JasperFx.Events.Daemon;

namespace Consultation.Projections;

/// <summary>
/// Rebuilds inline projections whose documents each depend on one stream (each an <see cref="IStreamFold"/>) without the
/// daemon's paging: it tears the projections down as Marten's rebuild does, reads their events up to the high water mark
/// in one streamed query ordered by stream and version, folds each stream in memory with each projection's own fold (given
/// only the events of its types), and writes the documents with Marten's bulk insert (COPY). The daemon instead reads
/// every event of the store in pages, one projection after the other, and, for the versions projection, queries the open
/// rows of every stream of every page.
/// As after Marten's rebuild of an inline projection, no progression row is left behind. Documents are inserted, not upserted:
/// a stream written while its projections are being rebuilt may make the rebuild fail (duplicate id) rather than leave a mix.
/// </summary>
public static class StreamFoldRebuild
{
    private const int WriteBatch = 5_000;

    /// <summary>Batches written at once, each over its own connection: one COPY keeps one server process busy, and the writes were most of the time.</summary>
    private const int ConcurrentWrites = 2;

    public static async Task RunAsync(
        IDocumentStore store,
        IProjectionDaemon daemon,
        IReadOnlyList<FoldedProjection> projections,
        Action<ProjectionRebuildProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        var eventStore = (IEventStore<IDocumentOperations, IQuerySession>)store;
        var database = (IEventDatabase)store.Storage.Database;

        // The ceiling Marten's rebuild would use: the high water mark, below which no event is still being committed.
        await daemon.PrepareForRebuildsAsync();
        var ceiling = daemon.Tracker.HighWaterMark;
        foreach (var projection in projections)
        {
            projection.Progress.RaiseHead(ceiling);
            await eventStore.TeardownExistingProjectionStateAsync(database, projection.Progress.Name, cancellationToken);
        }

        if (ceiling > 0)
        {
            await ReplayAsync(store, projections, ceiling, onProgress, cancellationToken);
        }

        foreach (var projection in projections)
        {
            await eventStore.DeleteProjectionProgressAsync(database, projection.Progress.Name, cancellationToken);
        }
    }

    private static async Task ReplayAsync(
        IDocumentStore store,
        IReadOnlyList<FoldedProjection> projections,
        long ceiling,
        Action<ProjectionRebuildProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        var types = projections.SelectMany(p => p.Fold.EventTypes).Distinct().ToList();
        var total = await StreamOrderedEvents.CountAsync(store, types, ceiling, cancellationToken);

        await using var session = store.QuerySession();
        var folds = projections.Select(p => new StreamSlicer(p.Fold, session, types)).ToList();
        var revisioned = new RevisionedTypes(store);
        var batch = new FoldedBatch(store, revisioned);
        var stream = new List<IEvent>();
        var writing = new Queue<Task>();
        long read = 0;
        try
        {
            await foreach (var e in StreamOrderedEvents.ReadAsync(store, types, ceiling, cancellationToken))
            {
                if (stream.Count > 0 && stream[0].StreamKey != e.StreamKey)
                {
                    await FoldAsync(folds, stream, batch, cancellationToken);
                    stream.Clear();
                }

                stream.Add(e);
                read++;
                if (batch.Count >= WriteBatch)
                {
                    // Batches are written while the next are read and folded.
                    if (writing.Count >= ConcurrentWrites)
                    {
                        await writing.Dequeue();
                    }

                    var full = batch;
                    writing.Enqueue(Task.Run(() => full.WriteAsync(cancellationToken), cancellationToken));
                    batch = new FoldedBatch(store, revisioned);

                    // Read in stream order, the events' sequences do not grow: progress is the share of the events read,
                    // shown on the sequence scale the daemon's progress uses.
                    foreach (var projection in projections)
                    {
                        projection.Progress.Advance(ceiling * read / Math.Max(total, 1));
                        onProgress?.Invoke(projection.Progress);
                    }
                }
            }

            if (stream.Count > 0)
            {
                await FoldAsync(folds, stream, batch, cancellationToken);
            }
        }
        finally
        {
            await Task.WhenAll(writing);
        }

        await batch.WriteAsync(cancellationToken);
    }

    private static async ValueTask FoldAsync(List<StreamSlicer> folds, List<IEvent> stream, FoldedBatch batch, CancellationToken cancellationToken)
    {
        foreach (var fold in folds)
        {
            await fold.FoldAsync(stream, batch, cancellationToken);
        }
    }

    /// <summary>Hands a fold the events of one stream it reads (all of them when it reads every type read), in version order.</summary>
    private sealed class StreamSlicer(IStreamFold fold, IQuerySession session, IReadOnlyList<Type> readTypes)
    {
        private readonly HashSet<Type>? _only = readTypes.All(fold.EventTypes.Contains) ? null : [.. fold.EventTypes];

        public async ValueTask FoldAsync(List<IEvent> stream, FoldedBatch batch, CancellationToken cancellationToken)
        {
            IReadOnlyList<IEvent> events = _only is null ? stream : stream.Where(e => _only.Contains(e.EventType)).ToList();
            if (events.Count > 0)
            {
                batch.Add(await fold.FoldAsync(session, events, cancellationToken), events[^1].Version);
            }
        }
    }
}
