namespace Consultation.Benchmarks;

/// <summary>Scenario 1: position writes at 1, 8 and 32 concurrent writers through each layer, and the ratios between layers.</summary>
public static class WritesScenario
{
    public static readonly int[] Writers = [1, 8, 32];

    private static readonly TimeSpan JitWarmUp = TimeSpan.FromSeconds(20);

    public static async Task RunAsync(BenchContext context, ApiProcess api)
    {
        var options = context.Options;
        // The floor's insert is prepared, as the service's statements are (Database:MaxAutoPrepare).
        await using var raw = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(context.Database.ConnectionString) { MaxAutoPrepare = 64 }.ConnectionString);
        using var http = api.Client();
        var (stakeholders, issues) = options.Quick ? (60, 20) : (120, 60);
        var peak = 0L;
        var statements = new ServerStatements(context.Database);
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

        async Task<Dictionary<string, WriteFixture>> FixturesAsync(string name) => new()
        {
            ["raw"] = await WriteFixture.CreateAsync(context.InProcessStore, $"wr-{name}-{context.RunId}", stakeholders, issues),
            ["marten"] = await WriteFixture.CreateAsync(context.InProcessStore, $"wm-{name}-{context.RunId}", stakeholders, issues),
            ["pipeline"] = await WriteFixture.CreateAsync(context.InProcessStore, $"wp-{name}-{context.RunId}", stakeholders, issues),
            ["http"] = await WriteFixture.CreateAsync(context.DataStore, $"wh-{name}-{context.RunId}", stakeholders, issues),
        };

        async Task<Operation> OperationAsync(string target, WriteFixture fixture) => target switch
        {
            "raw" => await WriteTargets.RawAsync(raw, fixture),
            "marten" => WriteTargets.Marten(context.InProcessStore, fixture),
            "pipeline" => WriteTargets.Pipeline(context.Host.Services, fixture),
            _ => WriteTargets.Http(http, fixture),
        };

        if (!options.Quick)
        {
            // The service and the in-process targets are minutes old: their code is still being compiled again with the
            // profile gathered so far (tiered JIT), which early runs would pay for. One unmeasured run per target first.
            Log.Line($"Warming up every target's code, {JitWarmUp.TotalSeconds:0} s each at 8 writers (not measured)");
            WriteTargets.Workers = 8;
            foreach (var (target, fixture) in await FixturesAsync("jit"))
            {
                if (!options.Skip.Contains(target))
                {
                    await LoadRunner.RunAsync(8, TimeSpan.Zero, JitWarmUp, await OperationAsync(target, fixture));
                }
            }
        }

        foreach (var (writers, round) in (options.Writers ?? Writers).Select((w, i) => (w, i)))
        {
            Log.Line($"Writes with {writers} writer(s)");
            WriteTargets.Workers = writers;
            var fixtures = await FixturesAsync($"{round}-{writers}");
            var results = new Dictionary<string, LoadResult>();
            foreach (var (target, fixture) in fixtures)
            {
                if (options.Skip.Contains(target))
                {
                    continue;
                }

                var operation = await OperationAsync(target, fixture);
                if (target == "http")
                {
                    api.ResetPeakMemory();
                }

                var cpu = new CpuMeter(target == "http" ? api.Id : null, context.Database.ContainerId);
                await statements.ResetAsync();
                var result = await LoadRunner.RunAsync(writers, options.WarmUp, options.Duration, operation, cpu);
                // The reset is before the warm-up: the statistics cover it too, so they are divided by all its operations.
                var serverTime = await statements.TopAsync(result.Operations + result.WarmUpOperations);
                if (target == "http")
                {
                    peak = Math.Max(peak, api.PeakMemoryBytes);
                }

                results[target] = result;
                context.Report.Add(
                    "1 writes",
                    $"{target}, {writers} writer(s)",
                    $"{Report.N(result.OpsPerSecond)} ops/s; p50 {Report.Ms(result.Latency.P50Ms)} ms, p99 {Report.Ms(result.Latency.P99Ms)} ms{(result.Errors > 0 ? $"; {result.Errors} errors" : string.Empty)}; {result.Cpu?.PerOperation(result.Operations)}",
                    new
                    {
                        target, writers, opsPerSecond = result.OpsPerSecond, result.Operations, result.Seconds, p50Ms = result.Latency.P50Ms, p99Ms = result.Latency.P99Ms, maxMs = result.Latency.MaxMs, result.Errors, pairs = fixture.Pairs,
                        cpuMsPerOp = new { benchmark = PerOp(result.Cpu?.Benchmark), api = PerOp(result.Cpu?.Api), postgres = PerOp(result.Cpu?.Database) },
                    });
                if (serverTime is { Count: > 0 })
                {
                    context.Report.Add(
                        "1 writes",
                        $"server time per op, {target}, {writers} writer(s)",
                        ServerStatements.Describe(serverTime),
                        new { target, writers, statements = serverTime });
                }

                double? PerOp(TimeSpan? time) => time is { } t && result.Operations > 0 ? t.TotalMilliseconds / result.Operations : null;
            }

            if (results.Count < fixtures.Count)
            {
                continue;
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
