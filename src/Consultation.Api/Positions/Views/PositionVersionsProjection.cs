using Consultation.Positions.Writing;
using JasperFx;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Consultation.Positions.Views;

/// <summary>
/// Keeps the <see cref="PositionVersion"/> table inline with the position streams (read-your-writes). For all the
/// position events of one save it loads the current rows of the streams involved in one query, folds the events
/// with <see cref="PositionTimeline"/> and stores what changed. Recorded time is the event timestamp, which Marten
/// assigns before the inline projections run and stores unchanged in <c>mt_events</c>.
/// </summary>
public sealed class PositionVersionsProjection : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var positionEvents = events
            .Where(e => e.Data is PositionStated or PositionRevised or PositionCorrected or PositionWithdrawn)
            .Select(e => (Key: KeyOf(e.Data), Event: e))
            .ToList();
        if (positionEvents.Count == 0)
        {
            return;
        }

        // Streams this save starts (first event at version 1) have no rows yet: only the others are read, and when there
        // are none (every stating, a batch of statings) the round trip is saved. A concurrent save that started the same
        // stream first makes this save's append fail, which rolls back the rows stored here. Rows an update already read with
        // its stream (the request's PositionWriteSession carries them) are not read again.
        var current = new List<PositionVersion>();
        var keys = positionEvents.GroupBy(x => x.Key, StringComparer.Ordinal)
            .Where(g => g.Min(x => x.Event.Version) > 1)
            .Where(g => !Kept(g.Key, g.Min(x => x.Event.Version)))
            .Select(g => g.Key)
            .ToArray();
        if (keys.Length > 0)
        {
            current.AddRange(await operations.Query<PositionVersion>()
                .Where(x => x.PositionKey.IsOneOf(keys) && x.SupersededAt == null)
                .ToListAsync(cancellation));
        }

        bool Kept(string key, long firstVersion)
        {
            var kept = PositionWriteSession.TryTakeOpenRows(operations, key, firstVersion, out var rows);
            current.AddRange(rows);
            return kept;
        }

        // Rows of the streams this save starts (a batch of statings) go out as one statement; the others row by row.
        var started = new List<PositionVersion>();
        var currentByKey = current.ToLookup(r => r.PositionKey, StringComparer.Ordinal);
        foreach (var stream in positionEvents.GroupBy(x => x.Key, StringComparer.Ordinal))
        {
            var rows = currentByKey[stream.Key].ToList();
            var firstVersion = stream.Min(x => x.Event.Version);
            RefuseIfWrittenConcurrently(stream.Key, rows, firstVersion);
            var timeline = new PositionTimeline(rows);
            foreach (var (_, e) in stream.OrderBy(x => x.Event.Version))
            {
                timeline.Apply(e.Data, e.Version, e.RecordedAt());
            }

            if (firstVersion == 1)
            {
                started.AddRange(timeline.Written);
                continue;
            }

            foreach (var row in timeline.Written)
            {
                operations.Store(row);
            }
        }

        NewVersionRows.Queue(operations, started);
    }

    /// <summary>
    /// Rows already at this save's first version or later were written by a concurrent save that committed after this
    /// one read the stream: its append will be refused, so refuse now as that refusal would (412/409, nothing written)
    /// instead of folding the events onto rows they do not follow.
    /// </summary>
    private static void RefuseIfWrittenConcurrently(string key, IReadOnlyList<PositionVersion> rows, long firstVersion)
    {
        if (rows.Count > 0 && rows.Max(r => r.Version) >= firstVersion)
        {
            throw new ConcurrencyException(
                $"Position {key} was changed by a concurrent write (its versions table is at {rows.Max(r => r.Version)}, this write starts at {firstVersion}).",
                new InvalidOperationException("Concurrent write to a position stream."));
        }
    }

    private static string KeyOf(object data) => data switch
    {
        PositionStated e => e.Key,
        PositionRevised e => e.Key,
        PositionCorrected e => e.Key,
        PositionWithdrawn e => e.Key,
        _ => throw new InvalidOperationException($"Not a position event: {data.GetType().Name}"),
    };
}
