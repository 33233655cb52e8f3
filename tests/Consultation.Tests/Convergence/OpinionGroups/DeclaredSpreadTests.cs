using Consultation.Convergence.OpinionGroups.Comparing;
using Consultation.Convergence.OpinionGroups.Inference;

namespace Consultation.Tests.Convergence.OpinionGroups;

/// <summary>Declared groups over the inferred ones: blocs that split, members standing apart.</summary>
public sealed class DeclaredSpreadTests
{
    private static InferredGroups Inferred(params (string Stakeholder, string Group)[] placed) => new(
        true, "test", 10, 7,
        [.. placed.GroupBy(p => p.Group).Select(g => new OpinionGroup(g.Key, [.. g.Select(p => p.Stakeholder)], default, []))],
        [.. placed.Select(p => new PlacedStakeholder(p.Stakeholder, 10, default, p.Group))],
        [], 0.5, 0.2, [], 2, 0.7);

    [Fact]
    public void A_bloc_mostly_in_one_opinion_group_splits_and_names_who_stands_apart()
    {
        var inferred = Inferred(("e1", "A"), ("e2", "A"), ("e3", "A"), ("e4", "B"), ("g1", "B"), ("g2", "A"), ("g3", "B"), ("g4", "A"), ("x", "B"));
        var declared = new Dictionary<string, string?>
        {
            ["e1"] = "eu", ["e2"] = "eu", ["e3"] = "eu", ["e4"] = "eu", ["g1"] = "g77", ["g2"] = "g77", ["g3"] = "g77", ["g4"] = "g77", ["x"] = null,
        };

        var comparison = DeclaredSpread.Of(inferred, declared);

        var eu = comparison.Groups.Single(g => g.Group == "eu");
        Assert.Equal(4, eu.Members);
        Assert.True(eu.Splits);
        Assert.Equal("A", eu.MainOpinionGroup);
        Assert.Equal([new OpinionShare("A", 3, 0.75), new OpinionShare("B", 1, 0.25)], eu.Spread);

        // g77 is split two and two: no majority, so nobody is singled out as standing apart.
        var g77 = comparison.Groups.Single(g => g.Group == "g77");
        Assert.True(g77.Splits);
        Assert.Null(g77.MainOpinionGroup);

        Assert.Equal([new StakeholderApart("e4", "eu", "B", "A")], comparison.StandingApart);
        Assert.Equal(["x"], comparison.WithoutDeclaredGroup);
    }

    [Fact]
    public void A_bloc_all_in_one_opinion_group_does_not_split()
    {
        var comparison = DeclaredSpread.Of(Inferred(("a", "A"), ("b", "A"), ("c", "B")), new Dictionary<string, string?> { ["a"] = "au", ["b"] = "au", ["c"] = "eu" });

        var au = comparison.Groups[0];
        Assert.Equal(("au", false, "A"), (au.Group, au.Splits, au.MainOpinionGroup));
        Assert.Empty(comparison.StandingApart);
    }
}
