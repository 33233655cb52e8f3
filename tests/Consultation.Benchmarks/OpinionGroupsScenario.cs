using Consultation.Convergence.Measuring;
using Consultation.Convergence.OpinionGroups.Inference;
using Consultation.Convergence.OpinionGroups.Reading;
using Consultation.Convergence.Summaries;
using Consultation.Time;
using Consultation.Processes;
using Consultation.Synthetic;

namespace Consultation.Benchmarks;

/// <summary>
/// Scenario 3, opinion groups: a consultation of <see cref="Stakeholders"/> stakeholders × <see cref="Issues"/> issues with
/// three planted opinion groups (60 × 40 in quick mode), generated after the last stage. In the benchmark's process: the
/// inference (PCA, k-means for k = 2–5 with their silhouettes, representative issues) on a planted matrix of exactly that
/// size; and on a snapshot of the generated process's record now, taken once, the inference and the comparison with the
/// declared groups (spread, each issue across the inferred groups), as the read computes them for a moment not kept. Over HTTP, one client: the read of the record now,
/// which measures the snapshot and infers at every call (the closes' inferences before it are kept).
/// </summary>
public static class OpinionGroupsScenario
{
    public const int Stakeholders = 200;
    public const int Issues = 800;

    public static async Task RunAsync(BenchContext context, ApiProcess api, string size)
    {
        var (stakeholders, issues) = context.Options.Quick ? (60, 40) : (Stakeholders, Issues);
        var process = $"r-opinions-{stakeholders}x{issues}";
        await using (var query = context.DataStore.QuerySession())
        {
            if (await query.Events.FetchStreamStateAsync(process) is null)
            {
                await DataStages.GenerateAsync(context, new SyntheticOptions(4343, stakeholders, issues, 6, process, OpinionGroups: 3), "opinion groups");
            }
        }

        // The inference alone on exactly the target's size: the generated process's matrix also holds the members of its
        // blocs from the other stages (the stages share the registry), who inherit the blocs' positions.
        var planted = PlantedOpinions.Groups(4343, 4, stakeholders / 4, issues, fidelity: 0.75, coverage: 0.7);
        var inference = await LoadRunner.SampleAsync(3, Math.Min(50, context.Options.ReadSamples), context.Options.ReadBudget, () =>
        {
            OpinionGroupInference.Infer(planted.Matrix);
            return Task.CompletedTask;
        });
        var size2 = $"{planted.Matrix.Stakeholders.Count} stakeholders × {planted.Matrix.Issues.Count} issues, 4 planted groups";
        context.Report.Add("3 reads", $"opinion groups inferred in-process, {size2}", $"p50 {Report.Ms(inference.P50Ms)} ms, p99 {Report.Ms(inference.P99Ms)} ms",
            new { read = "opinion groups inferred in-process", stakeholders = planted.Matrix.Stakeholders.Count, issues = planted.Matrix.Issues.Count, samples = inference.Samples, p50Ms = inference.P50Ms, p99Ms = inference.P99Ms, maxMs = inference.MaxMs });

        await using (var session = context.DataStore.QuerySession())
        {
            var details = await session.LoadAsync<ProcessDetails>(process) ?? throw new InvalidOperationException($"'{process}' has no process document.");
            var batch = session.CreateBatchQuery();
            var settingsRead = MeasureInputs.Settings(batch, process, null);
            await batch.Execute();
            var snapshot = await ConvergenceSnapshot.TakeAsync(session, details, TimeAxes.Parse(null, null), (await settingsRead()).RulesFor(null), null, DateTimeOffset.UtcNow, CancellationToken.None);
            var found = GetOpinionGroups.InferAfresh(snapshot, details, null);
            var label = $"{found.Stakeholders.Count} stakeholders × {found.Issues} issues, '{process}'";
            Log.Line($"Opinion groups of {label}: {found.Groups.Count} found ({found.Reason})");
            var compute = await LoadRunner.SampleAsync(3, Math.Min(50, context.Options.ReadSamples), context.Options.ReadBudget, () =>
            {
                GetOpinionGroups.Compare(snapshot, details, null, GetOpinionGroups.InferAfresh(snapshot, details, null));
                return Task.CompletedTask;
            });
            context.Report.Add("3 reads", $"opinion groups inferred and compared in-process, {label}", $"p50 {Report.Ms(compute.P50Ms)} ms, p99 {Report.Ms(compute.P99Ms)} ms",
                new { read = "opinion groups in-process", process, stakeholders = found.Stakeholders.Count, issues = found.Issues, groups = found.Groups.Count, samples = compute.Samples, p50Ms = compute.P50Ms, p99Ms = compute.P99Ms, maxMs = compute.MaxMs });
        }

        await DataStages.WaitForDaemonAsync(context, api);
        using var http = api.Client();
        var path = $"/processes/{process}/opinion-groups";
        var latency = await LoadRunner.SampleAsync(3, Math.Min(50, context.Options.ReadSamples), context.Options.ReadBudget, async () =>
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{(int)response.StatusCode} from {path}: {System.Text.Encoding.UTF8.GetString(body)}");
            }
        });
        context.Report.Add("3 reads", $"opinion groups of the record now over HTTP, '{process}', store {size}", $"p50 {Report.Ms(latency.P50Ms)} ms, p99 {Report.Ms(latency.P99Ms)} ms",
            new { read = "opinion groups", process, path, size, samples = latency.Samples, p50Ms = latency.P50Ms, p99Ms = latency.P99Ms, maxMs = latency.MaxMs });
    }
}
