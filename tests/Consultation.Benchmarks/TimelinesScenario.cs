using Consultation.Synthetic;

namespace Consultation.Benchmarks;

/// <summary>
/// Scenario 3, timelines: a consultation with many meeting closes (<see cref="Closes"/>; 12 in quick mode) generated after
/// the last stage, and over HTTP, one client, sequential after a warm-up: an issue's timeline and the whole process's
/// (one point per close, on the default stated axis: what had been said by each meeting's last day, as the record knows
/// it now — the points the service keeps current as positions are written).
/// </summary>
public static class TimelinesScenario
{
    public const int Closes = 150;

    public static async Task RunAsync(BenchContext context, ApiProcess api, string size)
    {
        var meetings = context.Options.Quick ? 12 : Closes;
        var process = $"r-closes-{meetings}";
        await using (var query = context.DataStore.QuerySession())
        {
            if (await query.Events.FetchStreamStateAsync(process) is null)
            {
                await DataStages.GenerateAsync(context, new SyntheticOptions(4242, 300, 60, meetings, process), $"{meetings} closes");
            }
        }

        await DataStages.WaitForDaemonAsync(context, api);
        var target = await DataStages.TargetAsync(context, process);
        using var http = api.Client();
        foreach (var (name, path) in new[]
                 {
                     ("issue timeline", $"/processes/{process}/issues/{target.Issue}/convergence/timeline"),
                     ("process timeline", $"/processes/{process}/convergence/timeline"),
                 })
        {
            var latency = await LoadRunner.SampleAsync(Math.Min(20, context.Options.ReadSamples), context.Options.ReadSamples, context.Options.ReadBudget, async () =>
            {
                using var response = await http.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{(int)response.StatusCode} from {path}: {System.Text.Encoding.UTF8.GetString(body)}");
                }
            });
            context.Report.Add("3 reads", $"{name} over {meetings} closes, '{process}', store {size}", $"p50 {Report.Ms(latency.P50Ms)} ms, p99 {Report.Ms(latency.P99Ms)} ms",
                new { read = name, closes = meetings, size, process, path, samples = latency.Samples, p50Ms = latency.P50Ms, p99Ms = latency.P99Ms, maxMs = latency.MaxMs });
        }
    }
}
