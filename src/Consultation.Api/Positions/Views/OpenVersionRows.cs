using System.Runtime.CompilerServices;

namespace Consultation.Positions.Views;

/// <summary>
/// The open rows of a position's versions table, read by an update in the same round trip as the stream, and kept with the
/// session for <see cref="PositionVersionsProjection"/> so that the save does not read them again.
/// </summary>
public static class OpenVersionRows
{
    private static readonly ConditionalWeakTable<IDocumentOperations, Dictionary<string, (long StreamVersion, IReadOnlyList<PositionVersion> Rows)>> Kept = new();

    /// <summary>Rows read right after the stream was fetched for writing at <paramref name="streamVersion"/>.</summary>
    public static void Keep(IDocumentOperations session, string key, long streamVersion, IReadOnlyList<PositionVersion> rows) =>
        Kept.GetOrCreateValue(session)[key] = (streamVersion, rows);

    /// <summary>
    /// The kept rows when this save's first event directly follows the version they were read at. Had another save committed
    /// since, this save's append is refused anyway (optimistic concurrency), and the whole transaction with it.
    /// </summary>
    public static bool TryTake(IDocumentOperations session, string key, long firstVersion, out IReadOnlyList<PositionVersion> rows)
    {
        rows = [];
        if (!Kept.TryGetValue(session, out var kept) || !kept.Remove(key, out var read) || read.StreamVersion + 1 != firstVersion)
        {
            return false;
        }

        rows = read.Rows;
        return true;
    }
}
