namespace Consultation.Benchmarks;

/// <summary>Latencies of one run, in Stopwatch ticks; percentiles by sorting (runs hold at most a few hundred thousand samples).</summary>
public sealed class Histogram
{
    private readonly List<long> _ticks = [];

    public int Count => _ticks.Count;

    public void Add(long ticks) => _ticks.Add(ticks);

    public void AddRange(Histogram other) => _ticks.AddRange(other._ticks);

    public double PercentileMs(double p)
    {
        if (_ticks.Count == 0)
        {
            return double.NaN;
        }

        _ticks.Sort();
        var index = (int)Math.Ceiling(p / 100.0 * _ticks.Count) - 1;
        return _ticks[Math.Clamp(index, 0, _ticks.Count - 1)] * 1000.0 / Stopwatch.Frequency;
    }

    public LatencySummary Summary() => new(Count, PercentileMs(50), PercentileMs(99), PercentileMs(100));
}

public sealed record LatencySummary(int Samples, double P50Ms, double P99Ms, double MaxMs);
