using Consultation.Projections;
using JasperFx.Events.Projections;

namespace Consultation.Benchmarks;

/// <summary>
/// Scenario 5, with the API stopped: every inline projection rebuilt from the events by <c>audit rebuild</c>'s own rebuilder, timed one
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

        var projections = ProjectionCatalog.All(context.DataStore)
            .Where(p => p.Lifecycle == ProjectionLifecycle.Inline)
            .Select(p => new ProjectionRebuildProgress(p.Name, TimeProvider.System))
            .ToList();
        var clock = Stopwatch.StartNew();
        await ProjectionRebuilder.RebuildAsync(context.DataStore, projections, OnProgress, CancellationToken.None);
        var total = clock.Elapsed.TotalSeconds;
        var views = projections.Select(p => p.View()).ToList();
        if (views.FirstOrDefault(v => v.State != RebuildState.Succeeded) is { } failed)
        {
            throw new InvalidOperationException("Rebuild failed: " + failed.Describe());
        }

        var timings = views.ToDictionary(v => v.Name, v => v.ElapsedSeconds);
        // Rebuilt together from one read, the two position projections share one span: their time is the span they cover.
        var position = views.Where(v => v.Name is "PositionDetails" or "PositionVersions").ToList();
        var positions = (position.Max(v => v.FinishedAt!.Value) - position.Min(v => v.StartedAt!.Value)).TotalSeconds;
        context.Report.Add("5 replay", $"rebuild of all {views.Count} inline projections, store {size}",
            $"{Report.N(events / total)} events/s ({total:0.0} s); position projections alone {Report.N(events / positions)} events/s; rebuild/raw {Report.Ratio(floor / total)}",
            new { size, events, seconds = total, eventsPerSecond = events / total, perProjectionSeconds = timings });
    }

    private static void OnProgress(ProjectionRebuildProgress progress)
    {
        if (progress.View() is { State: RebuildState.Succeeded or RebuildState.Failed } done)
        {
            Log.Line($"  rebuilt {done.Name} in {done.ElapsedSeconds:0.0} s");
        }
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
