using JasperFx.Events;

namespace Consultation.Infrastructure.EventStore;

public static class RecordedTime
{
    /// <summary>
    /// When the event was recorded, at PostgreSQL's precision (microseconds). Inline projections see the
    /// in-memory timestamp (100 ns ticks) while a rebuild reads the stored one: read models use this so
    /// that a rebuild gives them exactly the same values.
    /// </summary>
    public static DateTimeOffset RecordedAt(this IEvent e) => Truncate(e.Timestamp);

    public static DateTimeOffset Truncate(DateTimeOffset at) => new(at.Ticks - (at.Ticks % 10), at.Offset);
}
