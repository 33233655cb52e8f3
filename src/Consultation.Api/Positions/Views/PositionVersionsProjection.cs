using Consultation.Infrastructure.EventStore;
using JasperFx.Events;
using Marten;
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

        var keys = positionEvents.Select(x => x.Key).Distinct(StringComparer.Ordinal).ToArray();
        var current = await operations.Query<PositionVersion>()
            .Where(x => x.PositionKey.IsOneOf(keys) && x.SupersededAt == null)
            .ToListAsync(cancellation);

        foreach (var stream in positionEvents.GroupBy(x => x.Key, StringComparer.Ordinal))
        {
            var timeline = new PositionTimeline(current.Where(r => r.PositionKey == stream.Key));
            foreach (var (_, e) in stream.OrderBy(x => x.Event.Version))
            {
                timeline.Apply(e.Data, e.Version, e.RecordedAt());
            }

            foreach (var row in timeline.Written)
            {
                operations.Store(row);
            }
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
