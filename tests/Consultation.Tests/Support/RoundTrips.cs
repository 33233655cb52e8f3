using System.Collections.Concurrent;
using System.Diagnostics;

namespace Consultation.Tests.Support;

/// <summary>
/// Counts the database round trips of one operation: Npgsql traces each command or batch as an activity, and only the
/// activities of this operation's own trace are counted (not the async daemon's meanwhile).
/// </summary>
public static class RoundTrips
{
    public static async Task<(T Result, IReadOnlyList<string> Statements)> TraceAsync<T>(Func<Task<T>> operation)
    {
        var statements = new ConcurrentQueue<string>();
        using var root = new Activity("round-trips-probe").Start();
        var trace = root.TraceId;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                var text = a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string;
                if (a.TraceId == trace && text is not null)
                {
                    statements.Enqueue(text);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var result = await operation();
        return (result, [.. statements]);
    }
}
