using System.Net.Http.Headers;

namespace Consultation.Benchmarks;

/// <summary>
/// Scenarios 3 and 4: reads over HTTP, one client, sequential calls after a warm-up — the convergence of an issue, the
/// process dashboard (its convergence summary and the dashboard's HTML page), a page of the position matrix,
/// a current position, the liveness probe (the floor: HTTP alone), and the process convergence as of a past moment: the same moment again and again (an auditor
/// replaying it; the service keeps snapshots of settled moments) and a new moment at every call (each computed afresh).
/// </summary>
public static class ReadsScenario
{
    public static async Task<Dictionary<string, (double P50, double P99)>> RunAsync(BenchContext context, ApiProcess api, string size, ReadTarget target, string label)
    {
        using var http = api.Client();
        var latencies = new Dictionary<string, (double P50, double P99)>();
        var asOf = await AsOfAsync(context);
        var reads = new (string Name, Func<long, string> Path, bool Html)[]
        {
            // The floor of any read here: the liveness probe (no authentication, no database), on the same client and cores.
            ("HTTP floor /health/live", _ => "/health/live", false),
            ("issue convergence", _ => $"/processes/{target.Process}/issues/{target.Issue}/convergence", false),
            ("process dashboard", _ => $"/processes/{target.Process}/convergence", false),
            ("position matrix page", _ => $"/processes/{target.Process}/issues/{target.Issue}/positions", false),
            ("current position", _ => $"/processes/{target.Process}/issues/{target.Issue}/positions/{target.Stakeholder}", false),
            ("dashboard page /ui/processes", _ => $"/ui/processes/{target.Process}", true),
            ("as-of process convergence, same moment", _ => $"/processes/{target.Process}/convergence?asOf={Stamp(asOf)}", false),
            ("as-of process convergence, new moment each call", call => $"/processes/{target.Process}/convergence?asOf={Stamp(asOf.AddMilliseconds(call))}", false),
        };
        foreach (var (name, pathOf, html) in reads)
        {
            var samples = name.StartsWith("as-of", StringComparison.Ordinal) || html ? Math.Max(10, context.Options.ReadSamples / 5) : context.Options.ReadSamples;
            var calls = 0L;
            var path = pathOf(0);
            var latency = await LoadRunner.SampleAsync(Math.Min(20, samples), samples, context.Options.ReadBudget, async () =>
            {
                path = pathOf(++calls);
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (html)
                {
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
                }

                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{(int)response.StatusCode} from {path}: {System.Text.Encoding.UTF8.GetString(body)}");
                }
            });
            latencies[name] = (latency.P50Ms, latency.P99Ms);
            var scenario = name.StartsWith("as-of", StringComparison.Ordinal) ? "4 as-of" : "3 reads";
            context.Report.Add(scenario, $"{name}, {label}, store {size}", $"p50 {Report.Ms(latency.P50Ms)} ms, p99 {Report.Ms(latency.P99Ms)} ms",
                new { read = name, size, process = target.Process, path, samples = latency.Samples, p50Ms = latency.P50Ms, p99Ms = latency.P99Ms, maxMs = latency.MaxMs });
        }

        await ReadBreakdown.RunAsync(context, target, asOf, $"{label}, store {size}");
        return latencies;
    }

    /// <summary>A past moment halfway through the record: the recorded time of the event in the middle of the log.</summary>
    private static string Stamp(DateTimeOffset at) =>
        Uri.EscapeDataString(at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<DateTimeOffset> AsOfAsync(BenchContext context)
    {
        var schema = BenchContext.DataSchema;
        var at = await context.Database.ScalarAsync<DateTime>(
            $"select timestamp from {schema}.mt_events where seq_id >= (select (min(seq_id) + max(seq_id)) / 2 from {schema}.mt_events) order by seq_id limit 1");
        return new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
    }
}
