using System.Globalization;
using Consultation.Convergence.Measuring;

namespace Consultation.Synthetic;

/// <summary>
/// Opinion groups planted across the declared ones (<see cref="SyntheticOptions.OpinionGroups"/>): the voices of each
/// declared group (regional group for States, kind for others) are shuffled and dealt in turn into groups
/// <c>planted-1</c> … <c>planted-k</c>, so every regional group — and so every bloc, drawn mostly from one region — has
/// members in each. Every issue ranks the planted groups from most to least favourable (a shuffle of its own). When the
/// stances of a declared group are handed out (<see cref="PositionDraw"/>), its members of the most favourable planted group
/// take the highest stances of the group's pattern, those of the least favourable the lowest: each declared group keeps its
/// pattern (so every issue still lands on its target level), while the members of a planted group lean the same way on
/// issue after issue. Inherited positions and the patterns' own mixes leave noise; a draw without planted groups is
/// unchanged.
/// </summary>
internal sealed class PlantedOpinionGroups
{
    private readonly IReadOnlyDictionary<string, int> _groupOf;
    private readonly IReadOnlyDictionary<int, int[]> _rankByIssue;

    private PlantedOpinionGroups(IReadOnlyDictionary<string, int> groupOf, IReadOnlyDictionary<int, int[]> rankByIssue)
    {
        _groupOf = groupOf;
        _rankByIssue = rankByIssue;
    }

    /// <summary>Each voice's planted group, by stakeholder key (<c>planted-1</c> …).</summary>
    public IReadOnlyDictionary<string, string> Names =>
        _groupOf.ToDictionary(g => g.Key, g => Name(g.Value), StringComparer.Ordinal);

    public static PlantedOpinionGroups? For(SyntheticOptions options, FictionalRegistry registry, IReadOnlyList<IssuePlan> issues, SyntheticRandom rng)
    {
        var k = options.OpinionGroups;
        if (k < 2)
        {
            return null;
        }

        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var declared in registry.Voices.GroupBy(v => ConvergenceMeasure.GroupOf(v.Kind, v.Region)).OrderBy(g => g.Key.Basis).ThenBy(g => g.Key.Group, StringComparer.Ordinal))
        {
            var dealt = rng.Shuffled(declared.OrderBy(v => v.Key, StringComparer.Ordinal));
            for (var i = 0; i < dealt.Count; i++)
            {
                groupOf[dealt[i].Key] = i % k;
            }
        }

        var ranks = new Dictionary<int, int[]>();
        foreach (var issue in issues)
        {
            var order = rng.Shuffled(Enumerable.Range(0, k));
            var rank = new int[k];
            for (var r = 0; r < k; r++)
            {
                rank[order[r]] = r;
            }

            ranks[issue.Index] = rank;
        }

        return new PlantedOpinionGroups(groupOf, ranks);
    }

    /// <summary>How favourable the voice's planted group is to the issue: 0 most, k−1 least.</summary>
    public int Rank(IssuePlan issue, string voice) => _rankByIssue[issue.Index][_groupOf[voice]];

    private static string Name(int group) => string.Create(CultureInfo.InvariantCulture, $"planted-{group + 1}");
}
