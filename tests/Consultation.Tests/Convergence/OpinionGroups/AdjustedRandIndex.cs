namespace Consultation.Tests.Convergence.OpinionGroups;

/// <summary>
/// The adjusted Rand index of two partitions of the same items (Hubert and Arabie 1985): 1 when they agree exactly, about 0
/// for partitions no more alike than chance. From the contingency table n_ij (items in group i of one and j of the other),
/// its row sums a_i and column sums b_j: index = Σ C(n_ij, 2), expected = Σ C(a_i, 2)·Σ C(b_j, 2) ÷ C(n, 2),
/// maximum = ½(Σ C(a_i, 2) + Σ C(b_j, 2)); ARI = (index − expected) ÷ (maximum − expected).
/// </summary>
public static class AdjustedRandIndex
{
    public static double Of<TKey>(IReadOnlyDictionary<TKey, string> truth, IReadOnlyDictionary<TKey, string> found)
        where TKey : notnull
    {
        var items = truth.Keys.Where(found.ContainsKey).ToList();
        static double Pairs(long n) => n * (n - 1) / 2.0;
        var index = items.GroupBy(i => (truth[i], found[i])).Sum(g => Pairs(g.Count()));
        var rows = items.GroupBy(i => truth[i]).Sum(g => Pairs(g.Count()));
        var columns = items.GroupBy(i => found[i]).Sum(g => Pairs(g.Count()));
        var expected = rows * columns / Pairs(items.Count);
        var maximum = (rows + columns) / 2;
        return maximum - expected == 0 ? 1 : (index - expected) / (maximum - expected);
    }
}
