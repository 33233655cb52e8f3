using Consultation.Positions;
using Consultation.Positions.Views;
using JasperFx.Events;

namespace Consultation.Projections;

/// <summary>
/// One position stream folded with <see cref="PositionTimeline"/>, as <see cref="PositionVersionsProjection"/> folds it inline.
/// Starting from no rows, the timeline's written rows are every row the inline saves stored, each in its last state.
/// </summary>
public sealed class PositionVersionsFold : IStreamFold
{
    public IReadOnlyList<Type> EventTypes { get; } = [typeof(PositionStated), typeof(PositionRevised), typeof(PositionCorrected), typeof(PositionWithdrawn)];

    public ValueTask<IReadOnlyList<object>> FoldAsync(IQuerySession session, IReadOnlyList<IEvent> stream, CancellationToken cancellationToken)
    {
        var timeline = new PositionTimeline([]);
        foreach (var e in stream)
        {
            timeline.Apply(e.Data, e.Version, e.RecordedAt());
        }

        return ValueTask.FromResult<IReadOnlyList<object>>([.. timeline.Written]);
    }
}
