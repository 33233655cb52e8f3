using Consultation.Benchmarks;
using Consultation.Infrastructure.Database;

// dotnet run -c Release --project tests/Consultation.Benchmarks -- [--quick] [--sizes 10k,100k,1m] [--out results.json] [--seconds 10] [--skip writes,load,batch,import,reads,timelines,opinions,export,replay] [--compare-rebuilds]
// Progress on standard error; the table on standard output; everything, with the machine's facts, in the JSON file.
var options = BenchOptions.Parse(args);
// Libraries write to standard output too (Testcontainers, Marten's warnings): only the table goes there.
var table = Console.Out;
Console.SetOut(Console.Error);
var repository = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Run from inside the repository.");
var total = Stopwatch.StartNew();
await using var database = await BenchDatabase.StartAsync();
var settings = await database.SettingsAsync();
Log.Line($"PostgreSQL {settings["server_version"]}: fsync={settings["fsync"]}, synchronous_commit={settings["synchronous_commit"]}, shared_buffers={settings["shared_buffers"]}");
var report = new Report(Path.GetFullPath(options.Out), MachineFacts.Collect(repository, database, settings, options));
report.Save();

using var host = await InProcessHost.StartAsync(database.ConnectionString, BenchContext.InProcessSchema);
using var dataStore = InProcessHost.Store(database.ConnectionString, BenchContext.DataSchema);
await dataStore.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
var context = new BenchContext(options, database, repository, report, host, dataStore);
Dictionary<string, (double P50, double P99)>? first = null;
ReadTarget? fixedTarget = null;

for (var stage = 0; stage < options.Sizes.Count; stage++)
{
    var size = options.Sizes[stage];
    var events = await DataStages.GrowAsync(context, size, stage);
    await using (var api = await context.StartApiAsync())
    {
        var caughtUp = await DataStages.WaitForDaemonAsync(context, api);
        report.Add("6 start-up", $"process start to first 200 of /health/ready, store {size}",
            $"{api.StartUp.TotalSeconds:0.00} s (async daemon caught up {caughtUp.TotalSeconds:0.0} s later)",
            new { size, storeEvents = events, startUpSeconds = api.StartUp.TotalSeconds, daemonCatchUpSeconds = caughtUp.TotalSeconds, rssBytes = api.MemoryBytes });
        if (stage == 0 && !options.Skip.Contains("writes"))
        {
            await WritesScenario.RunAsync(context, api);
        }

        if (stage == 0 && !options.Skip.Contains("batch"))
        {
            await BatchScenario.RunAsync(context, api);
        }

        if (stage == 0 && !options.Skip.Contains("import"))
        {
            await ImportScenario.RunAsync(context, api);
        }

        if (!options.Skip.Contains("reads"))
        {
            // The write and batch scenarios' events are still being chained and counted by the service's async daemon: reads
            // measured meanwhile would share the cores with it.
            var settled = await DataStages.WaitForDaemonAsync(context, api);
            Log.Line($"Async daemon caught up {settled.TotalSeconds:0.0} s before the reads");
            fixedTarget ??= await DataStages.TargetAsync(context, DataStages.ProcessFor(size));
            Log.Line($"Reads, store {size}");
            var latencies = await ReadsScenario.RunAsync(context, api, size, fixedTarget, $"'{fixedTarget.Process}'");
            if (first is null)
            {
                first = latencies;
            }
            else
            {
                var own = await DataStages.TargetAsync(context, DataStages.ProcessFor(size));
                await ReadsScenario.RunAsync(context, api, size, own, $"'{own.Process}' (its own size)");
                foreach (var (read, value) in latencies)
                {
                    // p99 of a few hundred calls rests on its three slowest: the p50 ratio is given beside it.
                    var (p50Ratio, p99Ratio) = (value.P50 / first[read].P50, value.P99 / first[read].P99);
                    report.Add("3 reads", $"growth {read}, {options.Sizes[0]} → {size}", $"p99 ratio {Report.Ratio(p99Ratio)} · p50 ratio {Report.Ratio(p50Ratio)}",
                        new { read, from = options.Sizes[0], to = size, p99Ratio, p50Ratio });
                }
            }
        }

        if (!options.Skip.Contains("timelines") && stage == options.Sizes.Count - 1)
        {
            Log.Line($"Timelines, store {size}");
            await TimelinesScenario.RunAsync(context, api, size);
        }

        if (!options.Skip.Contains("opinions") && stage == options.Sizes.Count - 1)
        {
            Log.Line($"Opinion groups, store {size}");
            await OpinionGroupsScenario.RunAsync(context, api, size);
        }

        if (!options.Skip.Contains("export"))
        {
            Log.Line($"Export, store {size}");
            await ExportScenario.RunAsync(context, api, size);
        }
    }

    if (!options.Skip.Contains("replay"))
    {
        if (options.CompareRebuilds)
        {
            Log.Line($"Marten's own rebuilds, store {size}");
            await RebuildComparison.RunAsync(context, size);
        }

        Log.Line($"Replay, store {size}");
        await ReplayScenario.RunAsync(context, size);
    }
}

Log.Line($"Done in {total.Elapsed.TotalSeconds:0} s; results in {Path.GetFullPath(options.Out)}");
table.WriteLine($"Consultation Tracker benchmarks ({(options.Quick ? "quick" : "full")} run, sizes {string.Join(", ", options.Sizes)}, {Environment.ProcessorCount} cores), {total.Elapsed.TotalSeconds:0} s");
table.WriteLine();
table.Write(report.Table());
table.Flush();
return 0;
