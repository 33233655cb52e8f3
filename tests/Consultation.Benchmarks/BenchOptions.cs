namespace Consultation.Benchmarks;

/// <summary>
/// <c>[--quick] [--sizes 10k,100k,1m] [--out results.json] [--seconds 10] [--skip writes,load,batch,import,reads,timelines,opinions,export,replay] [--writers 1,8,32] [--compare-rebuilds]</c> (load: the concurrent write runs, keeping the breakdown;
/// raw, marten, pipeline or http in --skip leave that target out of them, and their ratios with it).
/// Sizes name the store's size after each stage; each maps to a synthetic scale (10k: small, 100k: test, 1m: large; quick: 2k: tiny, 10k: small).
/// </summary>
public sealed record BenchOptions(bool Quick, IReadOnlyList<string> Sizes, string Out, double Seconds, IReadOnlySet<string> Skip, IReadOnlyList<int>? Writers = null, bool CompareRebuilds = false)
{
    public static readonly IReadOnlyDictionary<string, string> Scales = new Dictionary<string, string>
    {
        ["2k"] = "tiny",
        ["10k"] = "small",
        ["100k"] = "test",
        ["300k"] = "medium",
        ["1m"] = "large",
    };

    public TimeSpan WarmUp => TimeSpan.FromSeconds(Quick ? 0.5 : 3);

    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);

    public int ReadSamples => Quick ? 30 : 300;

    /// <summary>The most time one read's measured calls may take (at least ten calls are made whatever it costs).</summary>
    public TimeSpan ReadBudget => TimeSpan.FromSeconds(Quick ? 3 : 20);

    public int BatchPositions => Quick ? 1_000 : 20_000;

    public int ImportRows => Quick ? 1_000 : 10_000;

    public static BenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var sizes = (Value("--sizes") ?? (quick ? "2k,10k" : "10k,100k,1m")).ToLowerInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var size in sizes)
        {
            if (!Scales.ContainsKey(size))
            {
                throw new ArgumentException($"Unknown size '{size}': {string.Join(", ", Scales.Keys)}.");
            }
        }

        var seconds = Value("--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : quick ? 1 : 10;
        var skip = (Value("--skip") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var writers = Value("--writers")?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray();
        return new BenchOptions(quick, sizes, Value("--out") ?? (quick ? "bench-quick.json" : "bench-results.json"), seconds, skip, writers, args.Contains("--compare-rebuilds"));
    }
}
