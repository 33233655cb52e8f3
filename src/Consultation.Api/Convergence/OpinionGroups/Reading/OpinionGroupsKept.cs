using System.Runtime.CompilerServices;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.OpinionGroups.Inference;
using Consultation.Convergence.Summaries;
using Microsoft.Extensions.Caching.Memory;

namespace Consultation.Convergence.OpinionGroups.Reading;

/// <summary>
/// Inferences kept by what they were inferred from: the issues and their counted positions, compared by reference. A
/// measure kept current by the writes (<see cref="Measuring.Live.LiveMeasures"/>) hands out the same positions list while
/// its issue is unchanged, and a settled moment's kept snapshot (<see cref="SettledSnapshots"/>) the same lists at every
/// read: the groups at each meeting close before the moment asked, and those of the record now while nothing changed, are
/// inferred once. Same lists, same matrix, same groups: the key needs nothing else. At most <see cref="Kept"/> inferences,
/// each for half an hour after its last use.
/// </summary>
public sealed class OpinionGroupsKept
{
    public const int Kept = 500;

    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = Kept });

    private long _inferred;

    /// <summary>How many inferences were made (not found kept) since the service started.</summary>
    public long Inferred => Interlocked.Read(ref _inferred);

    public InferredGroups Of(IReadOnlyList<MeasuredIssue> issues, Func<InferredGroups> infer) =>
        _kept.GetOrCreate(new Inputs([.. issues.Select(i => (i.Issue, i.Positions))]), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            Interlocked.Increment(ref _inferred);
            return infer();
        })!;

    private sealed class Inputs((string Issue, IReadOnlyList<MeasuredPosition> Positions)[] issues) : IEquatable<Inputs>
    {
        private readonly (string Issue, IReadOnlyList<MeasuredPosition> Positions)[] _issues = issues;
        private readonly int _hash = issues.Aggregate(issues.Length, (h, i) => HashCode.Combine(h, i.Issue, RuntimeHelpers.GetHashCode(i.Positions)));

        public bool Equals(Inputs? other) =>
            other is not null && other._hash == _hash && other._issues.Length == _issues.Length
            && _issues.Zip(other._issues).All(p => string.Equals(p.First.Issue, p.Second.Issue, StringComparison.Ordinal) && ReferenceEquals(p.First.Positions, p.Second.Positions));

        public override bool Equals(object? obj) => Equals(obj as Inputs);

        public override int GetHashCode() => _hash;
    }
}
