using Consultation.Synthetic;

namespace Consultation.Benchmarks;

/// <summary>A synthetic process the reads look at: an issue and a standing position in it.</summary>
public sealed record ReadTarget(string Process, string Issue, string Stakeholder);

/// <summary>
/// Grows the data schema stage by stage: each size adds a synthetic consultation (<c>r-{size}</c>) so the store holds about
/// that many events. A process already there (a reused server) is kept, which makes a long run resumable.
/// </summary>
public static class DataStages
{
    public static async Task<long> GrowAsync(BenchContext context, string size, int stage)
    {
        var process = ProcessFor(size);
        await using (var query = context.DataStore.QuerySession())
        {
            if (await query.Events.FetchStreamStateAsync(process) is not null)
            {
                Log.Line($"Stage {size}: '{process}' is already there (reused)");
                return await EventCountAsync(context);
            }
        }

        var options = SyntheticOptions.Preset(BenchOptions.Scales[size], 42 + stage) with { Process = process };
        return await GenerateAsync(context, options, $"stage {size}");
    }

    /// <summary>Writes a synthetic consultation into the data schema through sessions (inline projections with the appends); answers the store's event count.</summary>
    public static async Task<long> GenerateAsync(BenchContext context, SyntheticOptions options, string label)
    {
        var process = options.Process!;
        var scenario = ScenarioBuilder.Build(options);
        Log.Line($"{label}: generating '{process}', {scenario.EventCount:N0} events");
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var done = await new SyntheticWriter(context.DataStore).WriteAsync(scenario, SyntheticWriteMode.Sessions, p =>
        {
            if (clock.Elapsed - last > TimeSpan.FromSeconds(15))
            {
                last = clock.Elapsed;
                Log.Line($"  {p}");
            }
        });
        var total = await EventCountAsync(context);
        context.Report.Add("0 data", $"{label}: '{process}' generated", $"{Report.N(done.Events)} events in {done.Elapsed.TotalSeconds:0} s ({Report.N(done.EventsPerSecond)}/s); store {Report.N(total)} events",
            new { stage = label, process, events = done.Events, seconds = done.Elapsed.TotalSeconds, storeEvents = total });
        return total;
    }

    public static string ProcessFor(string size) => $"r-{size}";

    public static Task<long> EventCountAsync(BenchContext context) =>
        context.Database.ScalarAsync<long>($"select count(*) from {BenchContext.DataSchema}.mt_events");

    public static async Task<ReadTarget> TargetAsync(BenchContext context, string process)
    {
        await using var query = context.DataStore.QuerySession();
        var standing = await query.Query<PositionDetails>()
            .Where(p => p.Process == process && p.Status == PositionStatus.Standing)
            .OrderBy(p => p.Id)
            .Take(1)
            .ToListAsync();
        var position = standing.Single();
        return new ReadTarget(process, position.Issue, position.Stakeholder);
    }

    /// <summary>Waits until the API's async daemon has processed every event (hash chain, statistics); answers how long it took.</summary>
    public static async Task<TimeSpan> WaitForDaemonAsync(BenchContext context, ApiProcess api)
    {
        var clock = Stopwatch.StartNew();
        var schema = BenchContext.DataSchema;
        var head = await context.Database.ScalarAsync<long>($"select coalesce(max(seq_id), 0) from {schema}.mt_events");
        while (clock.Elapsed < TimeSpan.FromMinutes(30))
        {
            api.ThrowIfExited();
            // Shards are named 'Projection:All'; Marten's own rows (HighWaterMark, HighWaterStuckGap) are not shards.
            var behind = await context.Database.ScalarAsync<long>(
                $"select count(*) from (select 1 from {schema}.mt_event_progression where name like '%:%' and last_seq_id < {head}) s");
            var shards = await context.Database.ScalarAsync<long>($"select count(*) from {schema}.mt_event_progression where name like '%:%'");
            if (behind == 0 && shards > 0)
            {
                return clock.Elapsed;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The async daemon did not catch up within 30 minutes.");
    }
}
