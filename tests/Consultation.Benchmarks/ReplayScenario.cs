using System.Diagnostics;
using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Meetings;
using Consultation.Positions;
using Consultation.Processes;
using Consultation.Stakeholders;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;

namespace Consultation.Benchmarks;

/// <summary>
/// Scenario 5, with the API stopped: every inline projection rebuilt from the events (as <c>audit rebuild</c> does), timed one
/// by one, against the floor — one sequential read of the whole events table through Npgsql.
/// </summary>
public static class ReplayScenario
{
    public static async Task RunAsync(BenchContext context, string size)
    {
        var events = await DataStages.EventCountAsync(context);
        var floor = await RawReadAsync(context);
        context.Report.Add("5 replay", $"raw sequential read of mt_events, store {size}", $"{Report.N(events / floor)} rows/s ({floor:0.0} s)",
            new { size, events, seconds = floor, rowsPerSecond = events / floor });

        using var daemon = await context.DataStore.BuildProjectionDaemonAsync();
        var total = TimeSpan.Zero;
        var timings = new Dictionary<string, double>();
        foreach (var (name, rebuild) in Rebuilds(daemon))
        {
            var clock = Stopwatch.StartNew();
            await rebuild();
            total += clock.Elapsed;
            timings[name] = clock.Elapsed.TotalSeconds;
            Log.Line($"  rebuilt {name} in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        var positions = timings["PositionDetails"] + timings["PositionVersions"];
        context.Report.Add("5 replay", $"rebuild of all 8 inline projections, store {size}",
            $"{Report.N(events / total.TotalSeconds)} events/s ({total.TotalSeconds:0.0} s); position projections alone {Report.N(events / positions)} events/s; rebuild/raw {Report.Ratio(floor / total.TotalSeconds)}",
            new { size, events, seconds = total.TotalSeconds, eventsPerSecond = events / total.TotalSeconds, perProjectionSeconds = timings });
    }

    private static IEnumerable<(string Name, Func<Task> Rebuild)> Rebuilds(IProjectionDaemon daemon)
    {
        var ct = CancellationToken.None;
        yield return ("StakeholderDetails", () => daemon.RebuildProjectionAsync<StakeholderDetailsProjection>(ct));
        yield return ("ProcessDetails", () => daemon.RebuildProjectionAsync<ProcessDetailsProjection>(ct));
        yield return ("MeetingDetails", () => daemon.RebuildProjectionAsync<MeetingDetailsProjection>(ct));
        yield return ("StatementRecord", () => daemon.RebuildProjectionAsync<StatementRecordProjection>(ct));
        yield return ("PositionDetails", () => daemon.RebuildProjectionAsync<PositionDetailsProjection>(ct));
        yield return ("PositionVersions", () => daemon.RebuildProjectionAsync("PositionVersions", ct));
        yield return ("AreaDetails", () => daemon.RebuildProjectionAsync<AreaDetailsProjection>(ct));
        yield return ("ConvergenceSettings", () => daemon.RebuildProjectionAsync<ConvergenceSettingsProjection>(ct));
    }

    private static async Task<double> RawReadAsync(BenchContext context)
    {
        await using var connection = await context.Database.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select seq_id, stream_id, version, type, data, timestamp from {BenchContext.DataSchema}.mt_events order by seq_id", connection) { CommandTimeout = 0 };
        var clock = Stopwatch.StartNew();
        await using var reader = await command.ExecuteReaderAsync();
        long chars = 0;
        while (await reader.ReadAsync())
        {
            chars += reader.GetString(4).Length + reader.GetString(1).Length;
        }

        return clock.Elapsed.TotalSeconds;
    }
}
