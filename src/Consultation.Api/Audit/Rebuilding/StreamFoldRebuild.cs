using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;

namespace Consultation.Audit.Rebuilding;

/// <summary>
/// Rebuilds an inline projection whose documents each depend on one stream (an <see cref="IStreamFold"/>) without the
/// daemon's paging: it tears the projection down as Marten's rebuild does, reads the projection's events up to the high
/// water mark in one streamed query ordered by stream and version, folds each stream in memory with the projection's own
/// fold, and writes the documents with Marten's bulk insert (COPY). The daemon instead reads every event of the store in
/// pages of 500 and, for the versions projection, queries the open rows of every stream of every page.
/// As after Marten's rebuild of an inline projection, no progression row is left behind. Documents are inserted, not upserted:
/// a position written while its projection is being rebuilt may make the rebuild fail (duplicate id) rather than leave a mix.
/// </summary>
public static class StreamFoldRebuild
{
    private const int WriteBatch = 5_000;

    public static async Task RunAsync(
        IDocumentStore store,
        IProjectionDaemon daemon,
        string projectionName,
        IStreamFold fold,
        ProjectionRebuildProgress progress,
        Action<ProjectionRebuildProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        var eventStore = (IEventStore<IDocumentOperations, IQuerySession>)store;
        var database = (IEventDatabase)store.Storage.Database;

        // The ceiling Marten's rebuild would use: the high water mark, below which no event is still being committed.
        await daemon.PrepareForRebuildsAsync();
        var ceiling = daemon.Tracker.HighWaterMark;
        progress.RaiseHead(ceiling);
        await eventStore.TeardownExistingProjectionStateAsync(database, projectionName, cancellationToken);

        if (ceiling > 0)
        {
            await ReplayAsync(store, fold, ceiling, progress, onProgress, cancellationToken);
        }

        await eventStore.DeleteProjectionProgressAsync(database, projectionName, cancellationToken);
    }

    private static async Task ReplayAsync(
        IDocumentStore store,
        IStreamFold fold,
        long ceiling,
        ProjectionRebuildProgress progress,
        Action<ProjectionRebuildProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        var total = await StreamOrderedEvents.CountAsync(store, fold.EventTypes, ceiling, cancellationToken);

        var revisioned = new RevisionedTypes(store);
        var batch = new FoldedBatch(store, revisioned);
        var stream = new List<IEvent>();
        var writing = Task.CompletedTask;
        long read = 0;
        try
        {
            await foreach (var e in StreamOrderedEvents.ReadAsync(store, fold.EventTypes, ceiling, cancellationToken))
            {
                if (stream.Count > 0 && stream[0].StreamKey != e.StreamKey)
                {
                    batch.Add(fold.Fold(stream), stream[^1].Version);
                    stream.Clear();
                }

                stream.Add(e);
                read++;
                if (batch.Count >= WriteBatch)
                {
                    // One batch is written while the next is read and folded.
                    await writing;
                    writing = batch.WriteAsync(cancellationToken);
                    batch = new FoldedBatch(store, revisioned);

                    // Read in stream order, the events' sequences do not grow: progress is the share of the events read,
                    // shown on the sequence scale the daemon's progress uses.
                    progress.Advance(ceiling * read / Math.Max(total, 1));
                    onProgress?.Invoke(progress);
                }
            }

            if (stream.Count > 0)
            {
                batch.Add(fold.Fold(stream), stream[^1].Version);
            }
        }
        finally
        {
            await writing;
        }

        await batch.WriteAsync(cancellationToken);
    }
}
