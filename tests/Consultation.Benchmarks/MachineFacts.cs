using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Consultation.Benchmarks;

/// <summary>What the numbers were measured on: hardware, runtime, the database's settings as it reports them, the commit.</summary>
public static class MachineFacts
{
    public static JsonObject Collect(string repository, BenchDatabase database, IReadOnlyDictionary<string, string> settings, BenchOptions options)
    {
        var postgres = new JsonObject { ["origin"] = database.Origin };
        foreach (var (name, value) in settings)
        {
            postgres[name] = value;
        }

        return new JsonObject
        {
            ["startedAt"] = DateTimeOffset.UtcNow.ToString("O"),
            ["mode"] = options.Quick ? "quick" : "full",
            ["sizes"] = string.Join(',', options.Sizes),
            ["cores"] = Environment.ProcessorCount,
            ["cpu"] = CpuModel(),
            ["memoryBytes"] = MemoryTotal(),
            ["loadAverageAtStart"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null,
            ["os"] = RuntimeInformation.OSDescription,
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["benchmarkServerGc"] = GCSettings.IsServerGC,
            ["gitCommit"] = Git(repository, "rev-parse", "HEAD"),
            ["gitDirty"] = Git(repository, "status", "--porcelain") is { Length: > 0 },
            ["postgres"] = postgres,
        };
    }

    private static string? CpuModel() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;

    private static long? MemoryTotal() => File.Exists("/proc/meminfo")
        ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024
        : null;

    private static string? Git(string repository, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo("git", ["-C", repository, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(info)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
