using Consultation.Convergence.Measuring;
using Consultation.Convergence.Summaries;
using Microsoft.Extensions.Configuration;

namespace Consultation.Benchmarks;

/// <summary>
/// Where a read's time goes: the convergence handlers called in the benchmark's process on the data schema (no HTTP, no
/// JSON), each database command traced (<see cref="WriteBreakdown.MeasureAsync"/>): round trips per read, the time in them,
/// and what is left (the client's work: deserializing, inheritance, the measure).
/// </summary>
public static class ReadBreakdown
{
    public static async Task RunAsync(BenchContext context, ReadTarget target, DateTimeOffset asOf, string label)
    {
        var live = new Consultation.Convergence.Measuring.Live.LiveMeasures(TimeProvider.System);
        // Settled as in the service under test: with the default five minutes a stage generated shortly before would keep nothing.
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Convergence:SettleSeconds"] = ApiProcess.SettleSeconds }).Build();
        var snapshots = new SettledSnapshots(TimeProvider.System, settings, live);
        Operation issue = async (_, _, ct) =>
        {
            await using var session = context.DataStore.QuerySession();
            await new IssueConvergence.Handler(session, TimeProvider.System, live).Handle(new IssueConvergence.Query(target.Process, target.Issue, null, null), ct);
        };
        Operation dashboard = async (_, _, ct) =>
        {
            await using var session = context.DataStore.QuerySession();
            await new ProcessConvergence.Handler(session, snapshots, live).Handle(new ProcessConvergence.Query(target.Process, null), ct);
        };

        // A new moment at every call, as the as-of read in ReadsScenario (a settled moment would be answered from its snapshot).
        Operation pastDashboard = async (_, call, ct) =>
        {
            await using var session = context.DataStore.QuerySession();
            var moment = asOf.AddMilliseconds(-1 - call).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            await new ProcessConvergence.Handler(session, snapshots, live).Handle(new ProcessConvergence.Query(target.Process, moment), ct);
        };

        await issue(0, 0, CancellationToken.None);
        await WriteBreakdown.MeasureAsync(context, $"issue convergence, {label}", issue, 0, 50, "3 reads", "read", "in-process, one client");

        // Untraced, as many calls as over HTTP: whether a tail is the handler's (database, client work) or HTTP's and JSON's.
        var inProcess = await LoadRunner.SampleAsync(20, context.Options.ReadSamples, context.Options.ReadBudget, () => issue(0, 0, CancellationToken.None));
        context.Report.Add("3 reads", $"issue convergence in-process, {label}", $"p50 {Report.Ms(inProcess.P50Ms)} ms, p99 {Report.Ms(inProcess.P99Ms)} ms",
            new { read = "issue convergence in-process", target = label, samples = inProcess.Samples, p50Ms = inProcess.P50Ms, p99Ms = inProcess.P99Ms, maxMs = inProcess.MaxMs });
        await dashboard(0, 0, CancellationToken.None);
        await WriteBreakdown.MeasureAsync(context, $"process dashboard, {label}", dashboard, 0, 3, "3 reads", "read", "in-process, one client");
        // Warmed as the others are: the first as-of read of a large process measures every issue afresh (seconds), the next move from it.
        await pastDashboard(0, 1000, CancellationToken.None);
        await WriteBreakdown.MeasureAsync(context, $"process dashboard as of a new moment each call, {label}", pastDashboard, 0, 3, "4 as-of", "read", "in-process, one client");
    }
}
