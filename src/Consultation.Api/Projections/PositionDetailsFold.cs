using Consultation.Positions;
using JasperFx.Events;

namespace Consultation.Projections;

/// <summary>One position stream folded with <see cref="PositionDetailsProjection"/>'s own Create/Apply: the document its inline run ends with.</summary>
public sealed class PositionDetailsFold : IStreamFold
{
    private static readonly PositionDetailsProjection Projection = new();

    public IReadOnlyList<Type> EventTypes { get; } = [typeof(PositionStated), typeof(PositionRevised), typeof(PositionCorrected), typeof(PositionWithdrawn)];

    public ValueTask<IReadOnlyList<object>> FoldAsync(IQuerySession session, IReadOnlyList<IEvent> stream, CancellationToken cancellationToken)
    {
        PositionDetails? details = null;
        foreach (var e in stream)
        {
            details = e switch
            {
                IEvent<PositionStated> stated => details is null ? Projection.Create(stated) : Projection.Apply(stated, details),
                IEvent<PositionRevised> revised when details is not null => Projection.Apply(revised, details),
                IEvent<PositionCorrected> corrected when details is not null => Projection.Apply(corrected, details),
                IEvent<PositionWithdrawn> withdrawn when details is not null => Projection.Apply(withdrawn, details),
                _ => throw new InvalidOperationException(
                    $"Position {e.StreamKey}: {e.Data.GetType().Name} at version {e.Version} does not follow a statement."),
            };
        }

        return ValueTask.FromResult<IReadOnlyList<object>>(details is null ? [] : [details]);
    }
}
