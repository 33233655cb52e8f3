using Consultation.Meetings;
using JasperFx.Events;
using Marten;

namespace Consultation.Audit.Rebuilding;

/// <summary>The statements of one meeting stream, each made a document by <see cref="StatementRecordProjection"/>'s own Create.</summary>
public sealed class StatementRecordFold(StatementRecordProjection projection) : IStreamFold
{
    public IReadOnlyList<Type> EventTypes { get; } = [typeof(StatementRecorded)];

    public ValueTask<IReadOnlyList<object>> FoldAsync(IQuerySession session, IReadOnlyList<IEvent> stream, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<object>>([.. stream.Select(e => projection.Create((IEvent<StatementRecorded>)e))]);
}
