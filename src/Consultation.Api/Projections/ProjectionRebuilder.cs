using Consultation.Convergence.Measuring.Live;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;

namespace Consultation.Projections;

/// <summary>
/// Rebuilds projections one after the other with a daemon of its own (Marten tears each projection's documents
/// down, then replays every event up to the head); the projections <see cref="StreamFolds"/> knows are rebuilt stream by
/// stream by <see cref="StreamFoldRebuild"/> instead, those that read the same event types together from one read
/// (<see cref="RebuildStep"/>), so they succeed or fail together. Progress comes from the daemon's shard-state tracker, which
/// publishes the sequence each shard reached per batch. A failing projection is reported and the others still run.
/// </summary>
public static class ProjectionRebuilder
{
    /// <summary>How long one projection may take before Marten gives up on it (its own default is five minutes).</summary>
    public static readonly TimeSpan ProjectionTimeout = TimeSpan.FromHours(1);

    /// <summary>Rebuilds each projection in order; answers the highest head sequence seen. Never throws for a projection's failure: see each progress.</summary>
    public static async Task<long> RebuildAsync(
        IDocumentStore store,
        IReadOnlyList<ProjectionRebuildProgress> projections,
        Action<ProjectionRebuildProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.PrepareForRebuildsAsync();
        var observer = new Observer(onProgress);
        using var subscription = daemon.Tracker.Subscribe(observer);
        long head = 0;
        foreach (var step in RebuildStep.Plan(store, projections))
        {
            foreach (var projection in step.Projections)
            {
                projection.Start(daemon.Tracker.HighWaterMark);
                onProgress?.Invoke(projection);
            }

            observer.Current = step.Folds.Count == 0 ? step.Projections[0] : null;
            try
            {
                if (step.Folds.Count > 0)
                {
                    await StreamFoldRebuild.RunAsync(store, daemon, step.Folds, onProgress, cancellationToken);
                }
                else
                {
                    RebuildPages.Widen(store, step.Projections[0].Name);
                    await daemon.RebuildProjectionAsync(step.Projections[0].Name, ProjectionTimeout, cancellationToken);
                }

                foreach (var projection in step.Projections)
                {
                    projection.RaiseHead(daemon.Tracker.HighWaterMark);
                    projection.Succeed();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                foreach (var projection in step.Projections)
                {
                    projection.Fail(e.Message);
                }
            }
            finally
            {
                observer.Current = null;
            }

            foreach (var projection in step.Projections)
            {
                head = Math.Max(head, projection.View().HeadSequence);
                onProgress?.Invoke(projection);
            }
        }

        // The read models were rewritten without any write recording what it changed: every kept measure is measured again.
        await MeasureChanges.RecordEverythingAsync(store, cancellationToken);
        return head;
    }

    private sealed class Observer(Action<ProjectionRebuildProgress>? onProgress) : IObserver<ShardState>
    {
        private volatile ProjectionRebuildProgress? _current;

        public ProjectionRebuildProgress? Current
        {
            get => _current;
            set => _current = value;
        }

        public void OnNext(ShardState value)
        {
            if (_current is not { } current)
            {
                return;
            }

            if (value.ShardName == ShardState.HighWaterMark)
            {
                current.RaiseHead(value.Sequence);
            }
            else if (value.Mode == ShardMode.rebuilding && value.ShardName.StartsWith(current.Name + ":", StringComparison.Ordinal))
            {
                current.Advance(value.Sequence);
                onProgress?.Invoke(current);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
