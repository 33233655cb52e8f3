using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Consultation.Benchmarks;

/// <summary>
/// Where a write's time goes: one writer, each database command traced through Npgsql's own activity source
/// (one activity per command or batch), so an operation splits into its round trips and what is left (the client's
/// work, and the commit, which Npgsql does not trace).
/// </summary>
public static partial class WriteBreakdown
{
    private static readonly AsyncLocal<bool> InOperation = new();

    /// <summary>
    /// One writer on a fixture of <paramref name="pairs"/> positions: sequences below that state them, the ones after revise them.
    /// The first ten statings warm up; then <paramref name="pairs"/> − 10 statings and <paramref name="operations"/> revisions are measured apart.
    /// </summary>
    public static async Task RunAsync(BenchContext context, string target, Operation operation, int pairs, int operations)
    {
        for (var i = 0; i < 10; i++)
        {
            await operation(0, i, CancellationToken.None);
        }

        await MeasureAsync(context, $"{target}, stating", operation, 10, pairs - 10);
        await MeasureAsync(context, $"{target}, revising", operation, pairs, operations);
    }

    /// <summary>Round trips and time of <paramref name="operations"/> calls of <paramref name="operation"/> (sequences from <paramref name="first"/>).</summary>
    public static async Task MeasureAsync(BenchContext context, string target, Operation operation, int first, int operations, string scenario = "1 writes", string unit = "write", string clients = "1 writer")
    {
        var commands = new ConcurrentQueue<(string Statement, double Ms)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            // Only the measured operation's own commands, not the async daemon's meanwhile.
            ActivityStopped = a =>
            {
                if (InOperation.Value)
                {
                    commands.Enqueue((Shape(a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string ?? a.DisplayName), a.Duration.TotalMilliseconds));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        commands.Clear();
        var clock = Stopwatch.StartNew();
        for (var i = first; i < first + operations; i++)
        {
            InOperation.Value = true;
            await operation(0, i, CancellationToken.None);
            InOperation.Value = false;
        }

        var perOperation = clock.Elapsed.TotalMilliseconds / operations;
        var groups = commands.GroupBy(c => c.Statement)
            .Select(g => new { statement = g.Key, perOperation = g.Count() / (double)operations, meanMs = g.Average(c => c.Ms) })
            .OrderByDescending(g => g.perOperation * g.meanMs)
            .ToList();
        var inCommands = commands.Sum(c => c.Ms) / operations;
        var summary = string.Join(" · ", groups.Take(6).Select(g => $"{g.statement} ×{g.perOperation:0.#} {Report.Ms(g.meanMs)} ms"));
        context.Report.Add(scenario, $"breakdown, {target}, {clients}",
            $"{Report.Ms(perOperation)} ms per {unit}: {commands.Count / (double)operations:0.#} round trips, {Report.Ms(inCommands)} ms in them ({summary}); {Report.Ms(perOperation - inCommands)} ms elsewhere (client, commit)",
            new { target, operations, msPerOperation = perOperation, roundTripsPerOperation = commands.Count / (double)operations, msInCommands = inCommands, commands = groups });
    }

    /// <summary>A statement's shape: its first words, schema names and literals dropped, so the same statement groups together.</summary>
    private static string Shape(string statement)
    {
        var first = statement.Split(';', 2)[0];
        var words = Whitespace().Replace(first, " ").Trim();
        words = Schema().Replace(words, string.Empty);
        var batched = statement.Count(c => c == ';') > 1 ? " [+batch]" : string.Empty;
        return (words.Length > 70 ? words[..70] + "…" : words) + batched;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"bench_\w+\.")]
    private static partial Regex Schema();
}
