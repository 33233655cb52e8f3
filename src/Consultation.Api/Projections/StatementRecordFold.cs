using Consultation.Meetings;
using JasperFx.Events;

namespace Consultation.Projections;

/// <summary>The statements of one meeting stream, folded by <see cref="StatementRecordProjection"/>'s own code: recorded, then corrected and withdrawn.</summary>
public sealed class StatementRecordFold(StatementRecordProjection projection) : IStreamFold
{
    public IReadOnlyList<Type> EventTypes { get; } = [typeof(StatementRecorded), typeof(StatementCorrected), typeof(StatementWithdrawn)];

    public ValueTask<IReadOnlyList<object>> FoldAsync(IQuerySession session, IReadOnlyList<IEvent> stream, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<object>>([.. projection.Fold(stream)]);
}
