using Npgsql;

namespace Consultation.Benchmarks;

/// <summary>Scenario 1: position writes at 1, 8 and 32 concurrent writers through each layer, and the ratios between layers.</summary>
public static class WritesScenario
{
    public static readonly int[] Writers = [1, 8, 32];

    public static async Task RunAsync(BenchContext context, ApiProcess api)
    {
        var options = context.Options;
        await using var raw = NpgsqlDataSource.Create(context.Database.ConnectionString);
        using var http = api.Client();
        var (stakeholders, issues) = options.Quick ? (60, 20) : (120, 60);
        var peak = 0L;
        var breakdowns = options.Quick ? 30 : 200;
        WriteTargets.Workers = 1;
        var pairs = options.Quick ? 30 : 60;
        var marten = await WriteFixture.CreateAsync(context.InProcessStore, $"bm-{context.RunId}", stakeholders, issues, pairs, writesPerPair: 1);
        await WriteBreakdown.RunAsync(context, "marten", WriteTargets.Marten(context.InProcessStore, marten), pairs, breakdowns);
        var pipeline = await WriteFixture.CreateAsync(context.InProcessStore, $"bp-{context.RunId}", stakeholders, issues, pairs, writesPerPair: 1);
        await WriteBreakdown.RunAsync(context, "pipeline", WriteTargets.Pipeline(context.Host.Services, pipeline), pairs, breakdowns);
        if (options.Skip.Contains("load"))
        {
            return;
        }

        foreach (var writers in Writers)
        {
            Log.Line($"Writes with {writers} writer(s)");
            WriteTargets.Workers = writers;
            var inProcess = context.InProcessStore;
            var fixtures = new Dictionary<string, WriteFixture>
            {
                ["raw"] = await WriteFixture.CreateAsync(inProcess, $"wr-{writers}-{context.RunId}", stakeholders, issues),
                ["marten"] = await WriteFixture.CreateAsync(inProcess, $"wm-{writers}-{context.RunId}", stakeholders, issues),
                ["pipeline"] = await WriteFixture.CreateAsync(inProcess, $"wp-{writers}-{context.RunId}", stakeholders, issues),
                ["http"] = await WriteFixture.CreateAsync(context.DataStore, $"wh-{writers}-{context.RunId}", stakeholders, issues),
            };
            var results = new Dictionary<string, LoadResult>();
            foreach (var (target, fixture) in fixtures)
            {
                var operation = target switch
                {
                    "raw" => await WriteTargets.RawAsync(raw, fixture),
                    "marten" => WriteTargets.Marten(inProcess, fixture),
                    "pipeline" => WriteTargets.Pipeline(context.Host.Services, fixture),
                    _ => WriteTargets.Http(http, fixture),
                };
                if (target == "http")
                {
                    api.ResetPeakMemory();
                }

                var result = await LoadRunner.RunAsync(writers, options.WarmUp, options.Duration, operation);
                if (target == "http")
                {
                    peak = Math.Max(peak, api.PeakMemoryBytes);
                }

                results[target] = result;
                context.Report.Add(
                    "1 writes",
                    $"{target}, {writers} writer(s)",
                    $"{Report.N(result.OpsPerSecond)} ops/s; p50 {Report.Ms(result.Latency.P50Ms)} ms, p99 {Report.Ms(result.Latency.P99Ms)} ms{(result.Errors > 0 ? $"; {result.Errors} errors" : string.Empty)}",
                    new { target, writers, opsPerSecond = result.OpsPerSecond, result.Operations, result.Seconds, p50Ms = result.Latency.P50Ms, p99Ms = result.Latency.P99Ms, maxMs = result.Latency.MaxMs, result.Errors, pairs = fixture.Pairs });
            }

            double R(string a, string b) => results[a].OpsPerSecond / results[b].OpsPerSecond;
            context.Report.Add(
                "1 writes",
                $"ratios, {writers} writer(s)",
                $"Marten/raw {Report.Ratio(R("marten", "raw"))} · pipeline/Marten {Report.Ratio(R("pipeline", "marten"))} · HTTP/Marten {Report.Ratio(R("http", "marten"))}",
                new { writers, martenOverRaw = R("marten", "raw"), pipelineOverMarten = R("pipeline", "marten"), httpOverMarten = R("http", "marten") });
        }

        context.Report.Add("6 start-up", "API peak memory under the HTTP writes", Report.Mb(peak), new { peakBytes = peak });
    }
}
