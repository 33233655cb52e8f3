using JasperFx.Events;

namespace Consultation.Audit.Rebuilding;

/// <summary>
/// A projection whose documents depend on one stream only, rebuilt stream by stream (see <see cref="StreamFoldRebuild"/>):
/// the event types it reads and, for all the events of one stream in version order, every document it ends up storing.
/// The events carry their data, stream key, version, sequence and timestamp (not the metadata headers).
/// </summary>
public interface IStreamFold
{
    IReadOnlyList<Type> EventTypes { get; }

    IEnumerable<object> Fold(IReadOnlyList<IEvent> stream);
}
