using JasperFx.Events;

namespace Consultation.Projections;

/// <summary>
/// A projection whose documents depend on one stream only, rebuilt stream by stream (see <see cref="StreamFoldRebuild"/>):
/// the event types it reads and, for all the events of one stream in version order (only the events of those types), every
/// document it ends up storing. The events carry their data, stream key, version, sequence and timestamp (not the metadata
/// headers). The query session is the one a projection's own code may read from.
/// </summary>
public interface IStreamFold
{
    IReadOnlyList<Type> EventTypes { get; }

    ValueTask<IReadOnlyList<object>> FoldAsync(IQuerySession session, IReadOnlyList<IEvent> stream, CancellationToken cancellationToken);
}
