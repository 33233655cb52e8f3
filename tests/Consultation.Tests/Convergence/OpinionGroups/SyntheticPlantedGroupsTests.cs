using Consultation.Convergence.Measuring;
using Consultation.Convergence.OpinionGroups.Inference;
using Consultation.Stakeholders;
using Consultation.Synthetic;
using Xunit.Abstractions;

namespace Consultation.Tests.Convergence.OpinionGroups;

/// <summary>The synthetic generator's planted opinion groups, cutting across the declared groups, found again by the inference.</summary>
public sealed class SyntheticPlantedGroupsTests(ITestOutputHelper output)
{
    private static StanceMatrix MatrixOf(SyntheticScenario scenario) => StanceMatrix.Of(
        scenario.Issues.SelectMany(i => i.Effective
            .Where(p => p.Kind != StakeholderKind.GroupOrBloc)
            .Select(p => new StanceCell(p.Stakeholder, i.Issue, p.Stance))));

    /// <summary>
    /// 150 stakeholders on 80 issues: over 8 seeds each, ARI 0.96–1.00 for two and three planted groups (on the small
    /// preset's 40 issues, 0.82–1.00: each issue carries a little of the signal, a Consensus issue almost none).
    /// </summary>
    [Theory]
    [InlineData(42, 2)]
    [InlineData(42, 3)]
    [InlineData(7, 3)]
    public void Planted_groups_are_recovered_from_the_generated_positions(int seed, int groups)
    {
        var scenario = ScenarioBuilder.Build(new SyntheticOptions(seed, Stakeholders: 150, Issues: 80, Meetings: 8, OpinionGroups: groups));

        var inferred = OpinionGroupInference.Infer(MatrixOf(scenario));

        var found = inferred.Stakeholders.ToDictionary(s => s.Stakeholder, s => s.Group, StringComparer.Ordinal);
        var ari = AdjustedRandIndex.Of(scenario.PlantedOpinionGroups, found);
        output.WriteLine($"{inferred.Reason}; {found.Count} on the map, {inferred.LeftOut.Count} left out; ARI {ari:0.000}");
        Assert.True(inferred.Structure, inferred.Reason);
        Assert.Equal(groups, inferred.Groups.Count);
        Assert.True(ari >= 0.9, $"ARI {ari:0.000}");
        Assert.True(found.Count >= 0.9 * scenario.PlantedOpinionGroups.Count, $"{found.Count} of {scenario.PlantedOpinionGroups.Count} on the map");
    }

    [Fact]
    public void Planted_groups_cut_across_every_declared_group_and_issues_still_land_on_their_target_levels()
    {
        var scenario = ScenarioBuilder.Build(SyntheticOptions.Preset("small", 42) with { OpinionGroups = 3 });

        var declared = scenario.Issues.SelectMany(i => i.Effective)
            .Where(p => p.Kind != StakeholderKind.GroupOrBloc)
            .DistinctBy(p => p.Stakeholder)
            .GroupBy(p => ConvergenceMeasure.GroupOf(p.Kind, p.RegionalGroup));
        Assert.All(declared, group => Assert.Equal(3, group.Select(p => scenario.PlantedOpinionGroups[p.Stakeholder]).Distinct().Count()));
        Assert.All(scenario.Issues, i => Assert.Equal(i.Target, i.Expected.Level));
    }

    [Fact]
    public void Without_planted_groups_there_is_none_to_find_and_the_option_is_checked()
    {
        var scenario = ScenarioBuilder.Build(SyntheticOptions.Preset("small", 42));

        Assert.Empty(scenario.PlantedOpinionGroups);
        Assert.False(OpinionGroupInference.Infer(MatrixOf(scenario)).Structure);
        Assert.Contains("opinion groups must be 0 (none) or between 2 and 5.", (SyntheticOptions.Preset("small", 42) with { OpinionGroups = 1 }).Problems());
    }
}
