using Consultation.Projections;
using JasperFx.Events.Projections;

namespace Consultation.Benchmarks;

/// <summary>
/// Scenario 5 with <c>--compare-rebuilds</c>: every inline projection rebuilt by Marten's own daemon
/// (<c>RebuildProjectionAsync</c>, one projection after the other), as the service configures the store and again with
/// <c>UseOptimizedProjectionRebuilds</c> (Marten's stream-by-stream rebuild of single-stream projections), timed one by one
/// on the same store; the replay scenario's rebuild (ours) runs after them and leaves the read models as the service needs
/// them. Marten documents its optimized mode as correct only when one single-stream projection reads a stream: the
/// positions (details and versions) and the meetings (details and statement records) have two, so theirs is timed, not trusted.
/// </summary>
public static class RebuildComparison
{
    public static async Task RunAsync(BenchContext context, string size)
    {
        var events = await DataStages.EventCountAsync(context);
        foreach (var optimized in new[] { false, true })
        {
            using var store = InProcessHost.Store(context.Database.ConnectionString, BenchContext.DataSchema, o => o.Events.UseOptimizedProjectionRebuilds = optimized);
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            using var daemon = await store.BuildProjectionDaemonAsync();
            var timings = new Dictionary<string, double>(StringComparer.Ordinal);
            var total = Stopwatch.StartNew();
            foreach (var projection in ProjectionCatalog.All(store).Where(p => p.Lifecycle == ProjectionLifecycle.Inline))
            {
                var clock = Stopwatch.StartNew();
                await daemon.RebuildProjectionAsync(projection.Name, ProjectionRebuilder.ProjectionTimeout, CancellationToken.None);
                timings[projection.Name] = clock.Elapsed.TotalSeconds;
                Log.Line($"  Marten{(optimized ? " (optimized)" : string.Empty)} rebuilt {projection.Name} in {clock.Elapsed.TotalSeconds:0.0} s");
            }

            var mode = optimized ? "Marten's daemon with UseOptimizedProjectionRebuilds" : "Marten's daemon";
            context.Report.Add("5 replay", $"rebuild of every inline projection by {mode}, store {size}",
                $"{Report.N(events / total.Elapsed.TotalSeconds)} events/s ({total.Elapsed.TotalSeconds:0.0} s): {string.Join(" · ", timings.Select(t => $"{t.Key} {t.Value:0.0} s"))}",
                new { size, events, mode, seconds = total.Elapsed.TotalSeconds, perProjectionSeconds = timings });
        }
    }
}
