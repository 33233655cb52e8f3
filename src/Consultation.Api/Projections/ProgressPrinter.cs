using System.Globalization;

namespace Consultation.Projections;

/// <summary>
/// Progress lines for the command line: one when a projection starts and when it ends, and at most one a second
/// while it runs. Called from the daemon's thread as well as the caller's, so writes are serialized.
/// </summary>
public sealed class ProgressPrinter(TextWriter writer, IReadOnlyList<string> order, string verb)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (RebuildState State, DateTimeOffset At)> _printed = new(StringComparer.Ordinal);

    public void OnProgress(ProjectionRebuildProgress progress)
    {
        var view = progress.View();
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            if (_printed.TryGetValue(view.Name, out var last) && last.State == view.State && now - last.At < Interval)
            {
                return;
            }

            _printed[view.Name] = (view.State, now);
            var position = order.ToList().IndexOf(view.Name) + 1;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{verb} {position}/{order.Count}] {view.Describe()}"));
            writer.Flush();
        }
    }
}
