using Consultation.Convergence.OpinionGroups.Inference;

namespace Consultation.Tests.Convergence.OpinionGroups;

/// <summary>Polis's representativeness tests, by hand.</summary>
public sealed class RepresentativeIssuesTests
{
    [Fact]
    public void The_two_proportion_test_matches_Polis_own_test_case()
    {
        // polismath stats_test: (two-prop-test 15 56 24 71) ≈ −1.518 within 0.01 (a textbook case; the pseudo-counts move it
        // a little) — counts plus one: 16/25 = 0.64 against 57/72 = 0.792.
        Assert.InRange(RepresentativeIssues.TwoProportionZ(15, 56, 24, 71), -1.528, -1.508);
    }

    [Fact]
    public void The_proportion_test_is_two_root_n_times_the_distance_from_one_half()
    {
        // 8 of 10 for: 2·√11·(9/11 − 0.5) = 2·3.3166·0.31818 = 2.1106.
        Assert.Equal(2.1106, RepresentativeIssues.ProportionZ(8, 10), 4);
        Assert.Equal(0, RepresentativeIssues.TwoProportionZ(5, 5, 5, 5), 10);
    }

    [Fact]
    public void An_issue_one_group_supports_and_the_other_opposes_represents_both_ways()
    {
        // 10 stakeholders in two groups of 5; issue "split": group 0 all +2, group 1 all −2; issue "shared": all +1.
        var cells = Enumerable.Range(0, 10).SelectMany(s => new[]
        {
            new StanceCell($"S{s}", "split", s < 5 ? 2 : -2),
            new StanceCell($"S{s}", "shared", 1),
        });
        var matrix = StanceMatrix.Of(cells);
        int[] assignment = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];

        var issues = RepresentativeIssues.Of(matrix, [.. Enumerable.Range(0, 10)], assignment, 2, InferenceSettings.Default);

        // Group 0 on "split": 5 of 5 for; the rest 0 of 5. p = 6/7 = 0.857, p_rest = 1/7, ratio 6;
        // z_p = 2·√6·(6/6 − ½) = 2.449; z_r: 6/6 against 1/6, pooled 7/12: (1 − 0.1667) ÷ √(7/12·5/12·(1/6 + 1/6)) = 2.928.
        var forIt = Assert.Single(issues[0]);
        Assert.Equal(("split", VoteSide.For, 5, 5, 0), (forIt.Issue, forIt.Side, forIt.GroupPositions, forIt.GroupCount, forIt.RestCount));
        Assert.Equal(6.0 / 7, forIt.GroupShare, 10);
        Assert.Equal(6, forIt.Ratio, 10);
        Assert.Equal(2.449, forIt.ShareZ, 3);
        Assert.Equal(2.928, forIt.DifferenceZ, 3);
        var against = Assert.Single(issues[1]);
        Assert.Equal(("split", VoteSide.Against, 5), (against.Issue, against.Side, against.GroupCount));
    }
}
