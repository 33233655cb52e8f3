using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.Summaries;
using Consultation.Stakeholders;

namespace Consultation.Tests.Convergence.Summaries;

public sealed class AreaCombinationTests
{
    private static MeasuredPosition P(string who, RegionalGroup region, int stance) => new(who, StakeholderKind.MemberState, region, stance);

    private static MeasuredIssue Issue(string key, params MeasuredPosition[] positions)
    {
        var measure = ConvergenceMeasure.Measure(positions, []);
        return new MeasuredIssue(key, $"Issue {key}", measure, positions);
    }

    /// <summary>Consensus: 9 supporters in 3 groups of 3 → p_g .8 each, GICn .8, nobody opposes.</summary>
    private static readonly MeasuredIssue Consensual = Issue(
        "consensual",
        P("A1", RegionalGroup.African, 2), P("A2", RegionalGroup.African, 1), P("A3", RegionalGroup.African, 1),
        P("L1", RegionalGroup.LatinAmericanAndCaribbean, 2), P("L2", RegionalGroup.LatinAmericanAndCaribbean, 2), P("L3", RegionalGroup.LatinAmericanAndCaribbean, 1),
        P("W1", RegionalGroup.WesternEuropeanAndOthers, 1), P("W2", RegionalGroup.WesternEuropeanAndOthers, 2), P("W3", RegionalGroup.WesternEuropeanAndOthers, 2));

    /// <summary>Divergent: 1 of 6 supports; p_g .5, .25, .25 → GICn ≈ .315.</summary>
    private static readonly MeasuredIssue Split = Issue(
        "split",
        P("A1", RegionalGroup.African, 2), P("A2", RegionalGroup.African, -2),
        P("L1", RegionalGroup.LatinAmericanAndCaribbean, -1), P("L2", RegionalGroup.LatinAmericanAndCaribbean, 0),
        P("W1", RegionalGroup.WesternEuropeanAndOthers, -2), P("W2", RegionalGroup.WesternEuropeanAndOthers, -1));

    private static readonly MeasuredIssue Silent = Issue("silent", P("A1", RegionalGroup.African, 2));

    [Fact]
    public void The_weakest_linked_issue_decides_the_level_and_is_named()
    {
        Assert.Equal(ConvergenceLevel.Consensus, Consensual.Measure.Level);
        Assert.Equal(ConvergenceLevel.Divergent, Split.Measure.Level);

        var combined = AreaCombination.Combine(AreaStatus.Identified, [Consensual, Split]);
        Assert.Equal(ConvergenceLevel.Divergent, combined.Level);
        Assert.Equal("split", combined.DecidedBy);
        Assert.Equal(["consensual", "split"], combined.Issues.Select(i => i.Issue));

        var withSilent = AreaCombination.Combine(AreaStatus.Identified, [Consensual, Split, Silent]);
        Assert.Equal(ConvergenceLevel.InsufficientData, withSilent.Level);
        Assert.Equal("silent", withSilent.DecidedBy);

        Assert.Equal(ConvergenceLevel.Consensus, AreaCombination.Combine(AreaStatus.Identified, [Consensual]).Level);
    }

    [Fact]
    public void Ties_on_level_go_to_the_lower_gicn_then_the_key()
    {
        var weaker = Issue(
            "weaker",
            P("A1", RegionalGroup.African, -2), P("A2", RegionalGroup.African, -2), P("A3", RegionalGroup.African, -2),
            P("L1", RegionalGroup.LatinAmericanAndCaribbean, -2), P("L2", RegionalGroup.LatinAmericanAndCaribbean, -2));
        Assert.Equal(ConvergenceLevel.Divergent, weaker.Measure.Level);
        Assert.True(weaker.Measure.Gicn < Split.Measure.Gicn);
        Assert.Equal("weaker", AreaCombination.Combine(AreaStatus.Identified, [Split, weaker]).DecidedBy);

        var twin = Split with { Issue = "a-split" };
        Assert.Equal("a-split", AreaCombination.Combine(AreaStatus.Identified, [Split, twin]).DecidedBy);
    }

    [Fact]
    public void No_linked_issue_is_insufficient_data()
    {
        var combined = AreaCombination.Combine(AreaStatus.Identified, []);
        Assert.Equal(ConvergenceLevel.InsufficientData, combined.Level);
        Assert.Null(combined.DecidedBy);
        Assert.Empty(combined.Supporting);
        Assert.False(combined.Claim.Disagrees);
        Assert.True(AreaCombination.Combine(AreaStatus.Affirmed, []).Claim.Disagrees);
    }

    [Fact]
    public void Supporting_is_stance_of_plus_one_or_more_and_contradicting_minus_one_or_less_across_the_linked_issues()
    {
        var combined = AreaCombination.Combine(AreaStatus.Affirmed, [Consensual, Split]);
        Assert.Equal(10, combined.SupportingCount);
        Assert.Equal(4, combined.ContradictingCount);
        Assert.Equal(["A1", "A2", "A3", "L1", "L2", "L3", "W1", "W2", "W3"], combined.Supporting.Where(p => p.Issue == "consensual").Select(p => p.Stakeholder));
        Assert.Equal(["A1"], combined.Supporting.Where(p => p.Issue == "split").Select(p => p.Stakeholder));
        Assert.Equal(["A2", "L1", "W1", "W2"], combined.Contradicting.Select(p => p.Stakeholder));
        Assert.All(combined.Contradicting, p => Assert.Equal("split", p.Issue));
        Assert.Equal("African", combined.Contradicting[0].Group);
    }

    [Theory]
    [InlineData(AreaStatus.Affirmed, ConvergenceLevel.Divergent, true)]
    [InlineData(AreaStatus.Affirmed, ConvergenceLevel.InsufficientData, true)]
    [InlineData(AreaStatus.ConfirmedInText, ConvergenceLevel.Divergent, true)]
    [InlineData(AreaStatus.ConfirmedInText, ConvergenceLevel.InsufficientData, true)]
    [InlineData(AreaStatus.Affirmed, ConvergenceLevel.Emerging, false)]
    [InlineData(AreaStatus.ConfirmedInText, ConvergenceLevel.Consensus, false)]
    [InlineData(AreaStatus.Identified, ConvergenceLevel.Divergent, false)]
    [InlineData(AreaStatus.Dissolved, ConvergenceLevel.Divergent, false)]
    public void The_claim_disagrees_with_the_evidence_when_an_asserted_area_is_divergent_or_unsupported(AreaStatus status, ConvergenceLevel level, bool disagrees)
    {
        var check = AreaCombination.Check(status, level, "x");
        Assert.Equal(disagrees, check.Disagrees);
        Assert.Contains(status.ToString(), check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_affirmed_area_over_a_divergent_issue_is_flagged_naming_it()
    {
        var combined = AreaCombination.Combine(AreaStatus.Affirmed, [Consensual, Split]);
        Assert.True(combined.Claim.Disagrees);
        Assert.Contains("split is Divergent", combined.Claim.Reason, StringComparison.Ordinal);
        Assert.False(AreaCombination.Combine(AreaStatus.Affirmed, [Consensual]).Claim.Disagrees);
    }
}
