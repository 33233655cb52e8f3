using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Consultation.Convergence.OpinionGroups.Inference;
using Consultation.Convergence.Summaries;

namespace Consultation.Convergence.OpinionGroups.Reading;

/// <summary>
/// The inference of a snapshot, kept as long as the snapshot is: a settled moment's snapshot is kept and handed out again by
/// <see cref="SettledSnapshots"/> (meeting closes, replays), so its opinion groups are worked out once per theme; a snapshot
/// of the record now is new at every read, and so is its inference.
/// </summary>
public sealed class OpinionGroupsKept
{
    private readonly ConditionalWeakTable<ConvergenceSnapshot, ConcurrentDictionary<string, InferredGroups>> _kept = [];

    public InferredGroups Of(ConvergenceSnapshot snapshot, string? theme, Func<InferredGroups> infer) =>
        _kept.GetValue(snapshot, _ => new ConcurrentDictionary<string, InferredGroups>(StringComparer.Ordinal))
            .GetOrAdd(theme ?? string.Empty, _ => infer());
}
