using Consultation.Convergence.Measuring;
using Consultation.Convergence.Measuring.Live;
using Consultation.Processes;

namespace Consultation.Convergence.Summaries;

/// <summary>
/// A snapshot at one recorded moment made from a kept snapshot at another: the record differs between the two moments only
/// by the events recorded between them, so only the issues whose positions those events changed (<see cref="MeasureChanges"/>)
/// are measured again; every other issue's measure is the kept one. Valid for snapshots that read everything else alike:
/// the same process version, stated-by day, date measured, rules, issues asked and stakeholder records — and not when
/// the registry changed between the two moments (accreditations are read as recorded by the moment): then null.
/// </summary>
public static class SnapshotMoves
{
    public static async Task<ConvergenceSnapshot?> MoveAsync(
        IQuerySession session,
        ProcessDetails process,
        TimeAxes axes,
        MeasureRules rules,
        IReadOnlyCollection<string>? issues,
        ConvergenceSnapshot kept,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var (at, other) = (axes.AsOf!.Value, kept.AsOf!.Value);
        var batch = session.CreateBatchQuery();
        var changedRead = MeasureChanges.Between(batch, session.DocumentStore, process.Id, at < other ? at : other, at < other ? other : at);
        await batch.Execute(cancellationToken);
        var changed = (await changedRead()).ToHashSet(StringComparer.Ordinal);
        if (changed.Contains(MeasureChanges.Everything))
        {
            return null;
        }

        var wanted = ConvergenceSnapshot.Wanted(process, axes, issues);
        var again = wanted.Where(i => changed.Contains(i) || !kept.Issues.ContainsKey(i)).ToList();
        var measured = again.Count == 0
            ? ConvergenceSnapshot.Of(axes, rules, new Dictionary<string, MeasuredIssue>(StringComparer.Ordinal))
            : await ConvergenceSnapshot.TakeAsync(session, process, axes, rules, again, now, cancellationToken);
        return ConvergenceSnapshot.Of(
            axes,
            rules,
            wanted.ToDictionary(i => i, i => measured.Issues.TryGetValue(i, out var issue) ? issue : kept.Issues[i], StringComparer.Ordinal));
    }
}
