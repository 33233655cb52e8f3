namespace Consultation.Benchmarks;

/// <summary>One operation of a load run: the worker's number and its running count of operations.</summary>
public delegate Task Operation(int worker, long sequence, CancellationToken cancellationToken);

public sealed record LoadResult(int Writers, long Operations, double Seconds, LatencySummary Latency, long Errors, CpuSample? Cpu = null, long WarmUpOperations = 0)
{
    public double OpsPerSecond => Seconds <= 0 ? 0 : Operations / Seconds;
}

/// <summary>
/// Closed-loop load: <c>writers</c> workers each run the operation back to back, first for the warm-up (not measured),
/// then for the measured duration. Each worker keeps its own histogram, merged at the end.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(int writers, TimeSpan warmUp, TimeSpan duration, Operation operation, CpuMeter? cpu = null, int maxErrors = 50)
    {
        var sequences = new long[writers];
        var errors = 0L;
        Exception? lastError = null;

        async Task Phase(TimeSpan length, Histogram[]? histograms, long[] counts)
        {
            using var stop = new CancellationTokenSource(length);
            var workers = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        await operation(w, sequences[w]++, CancellationToken.None);
                    }
                    catch (Exception e)
                    {
                        lastError = e;
                        if (Interlocked.Increment(ref errors) > maxErrors)
                        {
                            throw;
                        }

                        continue;
                    }

                    histograms?[w].Add(Stopwatch.GetTimestamp() - started);
                    counts[w]++;
                }
            })).ToArray();
            await Task.WhenAll(workers);
        }

        var warmedUp = new long[writers];
        await Phase(warmUp, null, warmedUp);
        var measured = Enumerable.Range(0, writers).Select(_ => new Histogram()).ToArray();
        var done = new long[writers];
        var cpuBefore = cpu?.Read();
        var clock = Stopwatch.StartNew();
        await Phase(duration, measured, done);
        clock.Stop();
        var cpuUsed = cpu?.Read().Minus(cpuBefore!);
        var all = new Histogram();
        foreach (var h in measured)
        {
            all.AddRange(h);
        }

        if (lastError is not null)
        {
            Log.Line($"    {errors} failed operations; last: {lastError.GetType().Name}: {lastError.Message}");
        }

        return new LoadResult(writers, done.Sum(), clock.Elapsed.TotalSeconds, all.Summary(), errors, cpuUsed, warmedUp.Sum());
    }

    /// <summary>
    /// Sequential timing of a read: warm-up calls, then up to <c>samples</c> measured calls, stopping early (after at least
    /// ten) when <c>budget</c> is spent, so a read that takes seconds on a big store does not hold the run for an hour.
    /// </summary>
    public static async Task<LatencySummary> SampleAsync(int warmUp, int samples, TimeSpan budget, Func<Task> call)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < warmUp && (i < 2 || clock.Elapsed < budget / 4); i++)
        {
            await call();
        }

        clock.Restart();
        var histogram = new Histogram();
        for (var i = 0; i < samples && (i < 10 || clock.Elapsed < budget); i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            histogram.Add(Stopwatch.GetTimestamp() - started);
        }

        return histogram.Summary();
    }
}
