namespace Consultation.Convergence.Measuring.Live;

/// <summary>
/// One read that measures several moments of the record now (a timeline's points, a dashboard and its movers): the kept
/// measures of each process are brought up to date once for all of them, so every point reflects the same moment and the
/// read pays one round trip for it, not one per point.
/// </summary>
public sealed class LiveRead
{
    private readonly Dictionary<string, long> _horizons = new(StringComparer.Ordinal);

    private readonly Dictionary<string, LiveMeasures.EnlistedChanges> _enlisted = new(StringComparer.Ordinal);

    internal bool Refreshed(string process, out long horizon) => _horizons.TryGetValue(process, out horizon);

    internal void Refreshed(string process, long horizon) => _horizons[process] = horizon;

    internal void Enlisted(string process, LiveMeasures.EnlistedChanges changes) => _enlisted[process] = changes;

    internal LiveMeasures.EnlistedChanges? TakeEnlisted(string process) => _enlisted.Remove(process, out var changes) ? changes : null;
}
