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
    public static async Task RunAsync(BenchContext context, ReadTarget target, string label)
    {
        var snapshots = new SettledSnapshots(TimeProvider.System, new ConfigurationBuilder().Build());
        Operation issue = async (_, _, ct) =>
        {
            await using var session = context.DataStore.QuerySession();
            await new IssueConvergence.Handler(session).Handle(new IssueConvergence.Query(target.Process, target.Issue, null, null), ct);
        };
        Operation dashboard = async (_, _, ct) =>
        {
            await using var session = context.DataStore.QuerySession();
            await new ProcessConvergence.Handler(session, snapshots).Handle(new ProcessConvergence.Query(target.Process, null), ct);
        };

        await issue(0, 0, CancellationToken.None);
        await WriteBreakdown.MeasureAsync(context, $"issue convergence, {label}", issue, 0, 50, "3 reads", "read", "in-process, one client");
        await dashboard(0, 0, CancellationToken.None);
        await WriteBreakdown.MeasureAsync(context, $"process dashboard, {label}", dashboard, 0, 3, "3 reads", "read", "in-process, one client");
    }
}
