using Consultation.Convergence.Measuring;
using Consultation.Convergence.OpinionGroups.Comparing;
using Consultation.Convergence.OpinionGroups.Inference;
using Consultation.Stakeholders;

namespace Consultation.Tests.Convergence.OpinionGroups;

/// <summary>GIC across the opinion groups, by the declared measure's own code and levels, and bridging issues.</summary>
public sealed class AcrossOpinionGroupsTests
{
    private static InferredGroups TwoGroups() => new(
        true, "test", 2, 2,
        [new OpinionGroup("A", ["a1", "a2", "a3", "a4"], default, []), new OpinionGroup("B", ["b1", "b2", "b3", "b4"], default, [])],
        [.. new[] { "a1", "a2", "a3", "a4" }.Select(s => new PlacedStakeholder(s, 2, default, "A")), .. new[] { "b1", "b2", "b3", "b4" }.Select(s => new PlacedStakeholder(s, 2, default, "B"))],
        [], 0.6, 0.1, [], 2, 0.8);

    private static MeasuredPosition P(string stakeholder, int stance) => new(stakeholder, StakeholderKind.MemberState, RegionalGroup.African, stance);

    [Fact]
    public void An_issue_is_measured_across_the_opinion_groups_with_the_declared_levels()
    {
        // "bridge": A 4 of 4 support, B 3 of 4: p_A = 5/6, p_B = 4/6; GIC = 20/36 = 0.5556, GICn = √0.5556 = 0.7454.
        // "divide": A 4 of 4, B 0 of 4 (all −2): p_B = 1/6; GIC = 5/36, GICn = 0.3727 → Divergent.
        // "outsider": the position of someone not on the map ("z") is left out.
        MeasuredPosition[] bridge = [P("a1", 2), P("a2", 2), P("a3", 1), P("a4", 1), P("b1", 1), P("b2", 2), P("b3", 1), P("b4", 0), P("z", -2)];
        MeasuredPosition[] divide = [P("a1", 2), P("a2", 2), P("a3", 1), P("a4", 1), P("b1", -2), P("b2", -2), P("b3", -2), P("b4", -2)];
        var declared = ConvergenceMeasure.Measure(divide, []);

        var measured = AcrossOpinionGroups.Measure(
            [("divide", "Divide", declared, divide), ("bridge", "Bridge", ConvergenceMeasure.Measure(bridge, []), bridge)], TwoGroups(), ConvergenceThresholds.Default);

        Assert.Equal(["bridge", "divide"], measured.Select(m => m.Issue));
        var b = measured[0];
        Assert.Equal(8, b.Positions);
        Assert.Equal(2, b.GroupCount);
        Assert.Equal(20.0 / 36, b.Gic!.Value, 10);
        Assert.Equal(Math.Sqrt(20.0 / 36), b.Gicn!.Value, 10);
        Assert.Equal(("B", 4.0 / 6), (b.WeakestGroup!.Group, b.WeakestGroup.P));
        Assert.True(b.Bridging);
        Assert.Equal(ConvergenceLevel.BroadConvergence, b.Level);

        var d = measured[1];
        Assert.Equal(ConvergenceLevel.Divergent, d.Level);
        Assert.Equal(Math.Sqrt(5.0 / 36), d.Gicn!.Value, 10);
        Assert.False(d.Bridging);
        Assert.Equal(declared.Level, d.DeclaredLevel);

        // Declared: one group (African) only → InsufficientData; across opinion groups, Divergent: the two disagree.
        Assert.Equal(ConvergenceLevel.InsufficientData, d.DeclaredLevel);
        Assert.True(d.LevelsDiffer);
    }

    [Fact]
    public void No_issue_bridges_a_single_group_nor_one_that_a_group_is_silent_on()
    {
        MeasuredPosition[] onlyA = [P("a1", 2), P("a2", 2), P("a3", 2), P("a4", 2)];
        var one = TwoGroups() with { Groups = [new OpinionGroup("A", ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"], default, [])] };

        var silent = AcrossOpinionGroups.Measure([("i", "I", ConvergenceMeasure.Measure(onlyA, []), onlyA)], TwoGroups(), ConvergenceThresholds.Default);
        var single = AcrossOpinionGroups.Measure([("i", "I", ConvergenceMeasure.Measure(onlyA, []), onlyA)], one, ConvergenceThresholds.Default);

        Assert.False(silent[0].Bridging);
        Assert.Equal(1, silent[0].GroupCount);
        Assert.False(single[0].Bridging);
    }
}
