namespace Consultation.Convergence.OpinionGroups.Inference;

/// <summary>Which way a group leans on an issue: for (+1 or +2) or against (−1 or −2).</summary>
public enum VoteSide
{
    For,
    Against,
}

/// <summary>
/// An issue that sets a group apart, with the counts behind it: of the group's <see cref="GroupPositions"/> positions on it,
/// <see cref="GroupCount"/> on <see cref="Side"/> (smoothed share <see cref="GroupShare"/>), against
/// <see cref="RestCount"/> of <see cref="RestPositions"/> among everyone else on the map (<see cref="RestShare"/>);
/// <see cref="Ratio"/> = GroupShare ÷ RestShare; <see cref="ShareZ"/> tests the group's share against one half,
/// <see cref="DifferenceZ"/> the group's share against the others'.
/// </summary>
public sealed record RepresentativeIssue(
    string Issue,
    VoteSide Side,
    int GroupPositions,
    int GroupCount,
    double GroupShare,
    int RestPositions,
    int RestCount,
    double RestShare,
    double Ratio,
    double ShareZ,
    double DifferenceZ);

/// <summary>
/// Representative issues by Polis's representativeness ("repness", <c>polismath.math.repness</c>): for a group and an issue,
/// with n the group's positions on it and a those for (likewise d against), and the same counts over everyone else on the
/// map — the smoothed share p = (a + 1) ÷ (n + 2); the ratio r = p ÷ p_rest; the one-proportion test
/// z_p = 2·√(n + 1)·((a + 1) ÷ (n + 1) − ½) (is the group's share above one half?) and the two-proportion test z_r of
/// (a + 1) ÷ (n + 1) against (a_rest + 1) ÷ (n_rest + 1) with the pooled variance (is it above the others'?). An issue is
/// representative of the group when both tests pass at 90% one-sided (z &gt; 1.2816) on one side, for or against; the side
/// is the one with the larger z_r. The issues passing are ranked by r·z_r·p·z_p (highest first, then key), at most five
/// kept, those for listed before those against — as Polis does, without its fallback that names a best issue even when
/// none passes: a group may have none.
/// </summary>
public static class RepresentativeIssues
{
    public static IReadOnlyList<IReadOnlyList<RepresentativeIssue>> Of(
        StanceMatrix matrix, IReadOnlyList<int> rows, IReadOnlyList<int> assignment, int k, InferenceSettings settings)
    {
        var m = matrix.Issues.Count;
        var forCount = new int[k, m];
        var againstCount = new int[k, m];
        var seen = new int[k, m];
        for (var i = 0; i < rows.Count; i++)
        {
            var votes = matrix.Votes[rows[i]];
            var g = assignment[i];
            for (var j = 0; j < m; j++)
            {
                switch (votes[j])
                {
                    case StanceMatrix.Missing:
                        continue;
                    case > 0:
                        forCount[g, j]++;
                        break;
                    case < 0:
                        againstCount[g, j]++;
                        break;
                }

                seen[g, j]++;
            }
        }

        var result = new List<IReadOnlyList<RepresentativeIssue>>(k);
        for (var g = 0; g < k; g++)
        {
            var passing = new List<(RepresentativeIssue Issue, double Metric)>();
            for (var j = 0; j < m; j++)
            {
                int restSeen = 0, restFor = 0, restAgainst = 0;
                for (var h = 0; h < k; h++)
                {
                    if (h != g)
                    {
                        restSeen += seen[h, j];
                        restFor += forCount[h, j];
                        restAgainst += againstCount[h, j];
                    }
                }

                var agree = Stats(matrix.Issues[j], VoteSide.For, seen[g, j], forCount[g, j], restSeen, restFor);
                var disagree = Stats(matrix.Issues[j], VoteSide.Against, seen[g, j], againstCount[g, j], restSeen, restAgainst);
                var side = agree.DifferenceZ > disagree.DifferenceZ ? agree : disagree;
                if (seen[g, j] > 0 && side.ShareZ > settings.RepresentativeZ && side.DifferenceZ > settings.RepresentativeZ)
                {
                    passing.Add((side, side.Ratio * side.DifferenceZ * side.GroupShare * side.ShareZ));
                }
            }

            result.Add(
            [
                .. passing
                    .OrderByDescending(p => p.Metric)
                    .ThenBy(p => p.Issue.Issue, StringComparer.Ordinal)
                    .Take(settings.MaxRepresentative)
                    .OrderBy(p => p.Issue.Side)
                    .Select(p => p.Issue),
            ]);
        }

        return result;
    }

    private static RepresentativeIssue Stats(string issue, VoteSide side, int n, int count, int restN, int restCount)
    {
        var share = (count + 1.0) / (n + 2.0);
        var restShare = (restCount + 1.0) / (restN + 2.0);
        return new RepresentativeIssue(
            issue, side, n, count, share, restN, restCount, restShare, share / restShare, ProportionZ(count, n), TwoProportionZ(count, restCount, n, restN));
    }

    /// <summary>Polis's <c>prop-test</c>: 2·√(n+1)·((s+1)/(n+1) − ½).</summary>
    public static double ProportionZ(int successes, int n) => 2 * Math.Sqrt(n + 1.0) * (((successes + 1.0) / (n + 1.0)) - 0.5);

    /// <summary>Polis's <c>two-prop-test</c>, one added to every count; 0 when the pooled share is 1 (no variance).</summary>
    public static double TwoProportionZ(int successesIn, int successesOut, int nIn, int nOut)
    {
        double s1 = successesIn + 1, s2 = successesOut + 1, n1 = nIn + 1, n2 = nOut + 1;
        var pooled = (s1 + s2) / (n1 + n2);
        var variance = pooled * (1 - pooled) * ((1 / n1) + (1 / n2));
        return variance <= 0 ? 0 : ((s1 / n1) - (s2 / n2)) / Math.Sqrt(variance);
    }
}
