namespace Consultation.Benchmarks;

/// <summary>CPU time used so far by the benchmark's own process, the API's process and the PostgreSQL container (null: not measurable).</summary>
public sealed record CpuSample(TimeSpan Benchmark, TimeSpan? Api, TimeSpan? Database)
{
    public CpuSample Minus(CpuSample earlier) => new(Benchmark - earlier.Benchmark, Api - earlier.Api, Database - earlier.Database);

    /// <summary>Milliseconds of CPU per operation on each side: what a write costs, whatever else shares the cores.</summary>
    public string PerOperation(long operations)
    {
        string Ms(TimeSpan? time) => time is { } t && operations > 0 ? Report.Ms(t.TotalMilliseconds / operations) + " ms" : "n/a";
        return $"CPU per op: benchmark {Ms(Benchmark)} · API {Ms(Api)} · PostgreSQL {Ms(Database)}";
    }
}

/// <summary>
/// Reads CPU time from /proc (processes) and from the container's cgroup (PostgreSQL: every backend, the WAL writer and
/// the checkpointer, which no client-side timer sees). Outside a container of our own, the server's share is unknown.
/// </summary>
public sealed class CpuMeter(int? apiProcessId, string? containerId)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public CpuSample Read() => new(
        Process.GetCurrentProcess().TotalProcessorTime,
        apiProcessId is { } pid ? ProcessTime(pid) : null,
        containerId is { } id ? ContainerTime(id) : null);

    private static TimeSpan? ProcessTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of the whole line; here, after pid and comm, at 11 and 12.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static TimeSpan? ContainerTime(string id)
    {
        var v1 = $"/sys/fs/cgroup/cpuacct/docker/{id}/cpuacct.usage";
        if (File.Exists(v1))
        {
            return TimeSpan.FromTicks(long.Parse(File.ReadAllText(v1).Trim(), CultureInfo.InvariantCulture) / 100);
        }

        var v2 = $"/sys/fs/cgroup/system.slice/docker-{id}.scope/cpu.stat";
        if (File.Exists(v2))
        {
            var usage = File.ReadLines(v2).First(l => l.StartsWith("usage_usec ", StringComparison.Ordinal));
            return TimeSpan.FromMicroseconds(long.Parse(usage["usage_usec ".Length..], CultureInfo.InvariantCulture));
        }

        return null;
    }
}
