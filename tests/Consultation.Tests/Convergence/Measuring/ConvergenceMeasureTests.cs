using Consultation.Convergence.Measuring;
using Consultation.Stakeholders;

namespace Consultation.Tests.Convergence.Measuring;

/// <summary>The measure on hand-computed cases (every expected number is worked out in the comment beside it).</summary>
public sealed class ConvergenceMeasureTests
{
    private const double Tolerance = 1e-9;

    private static MeasuredPosition State(string key, RegionalGroup group, int stance, string? conditions = null, string? inheritedFrom = null) =>
        new(key, StakeholderKind.MemberState, group, stance, conditions, inheritedFrom);

    private static MeasuredPosition Other(string key, StakeholderKind kind, int stance, string? conditions = null) => new(key, kind, null, stance, conditions);

    private static AccreditedStakeholder Accredited(MeasuredPosition p) => new(p.Stakeholder, p.Kind, p.RegionalGroup);

    private static void Near(double expected, double? actual) => Assert.Equal(expected, Assert.NotNull(actual), Tolerance);

    [Fact]
    public void An_empty_issue_has_insufficient_data_and_no_ratios()
    {
        var measure = ConvergenceMeasure.Measure([], []);

        Assert.Equal(ConvergenceLevel.InsufficientData, measure.Level);
        Assert.Equal(0, measure.Positions);
        Assert.Equal(new StanceTally(0, 0, 0, 0, 0), measure.Counts);
        Assert.Null(measure.SupportShare);
        Assert.Null(measure.OppositionShare);
        Assert.Null(measure.ReservationsShare);
        Assert.Equal(new Coverage(0, 0, null, 0, 0, null), measure.Coverage);
        Assert.Equal(0, measure.GroupCount);
        Assert.Null(measure.Gic);
        Assert.Null(measure.Gicn);
        Assert.Null(measure.WeakestGroup);
        Assert.Empty(measure.Groups);
        Assert.Equal(ConvergenceThresholds.Default, measure.Thresholds);
        Assert.Contains("0 position(s) in 0 group(s)", measure.Reason);
    }

    [Fact]
    public void A_single_group_is_measured_but_cannot_show_cross_group_agreement()
    {
        // Six African States, all supporting: p = (6+1)/(6+2) = 0.875 = GIC = GICn; G = 1 < MinGroups 2.
        MeasuredPosition[] positions = [.. Enumerable.Range(1, 6).Select(i => State($"AF{i}", RegionalGroup.African, i % 2 == 0 ? 2 : 1))];

        var measure = ConvergenceMeasure.Measure(positions, positions.Select(Accredited));

        Assert.Equal(ConvergenceLevel.InsufficientData, measure.Level);
        Assert.Equal(1, measure.GroupCount);
        Near(0.875, measure.Gic);
        Near(0.875, measure.Gicn);
        Assert.Equal("African", measure.WeakestGroup!.Group);
        Near(1.0, measure.SupportShare);
        Near(1.0, measure.Coverage.Share);
        Assert.Contains("6 position(s) in 1 group(s)", measure.Reason);
    }

    [Fact]
    public void Several_groups_with_one_accredited_group_silent()
    {
        // African: +2, +1, −1 → 3 positions, 2 supporters, p = 3/5 = 0.6
        // WEOG: +1, +1 → p = 3/4 = 0.75
        // Civil society: 0 → p = 1/3
        // Asia-Pacific (AP1) and academia (uni) accredited, silent: listed, p = 0.5, not counted.
        // GIC = 0.6 × 0.75 × 1/3 = 0.15; G = 3; GICn = 0.15^(1/3) ≈ 0.5313 → Emerging (≥ 0.45, < 0.60).
        MeasuredPosition[] positions =
        [
            State("AF1", RegionalGroup.African, 2),
            State("AF2", RegionalGroup.African, 1),
            State("AF3", RegionalGroup.African, -1),
            State("WE1", RegionalGroup.WesternEuropeanAndOthers, 1),
            State("WE2", RegionalGroup.WesternEuropeanAndOthers, 1),
            Other("ngo", StakeholderKind.CivilSociety, 0),
        ];
        AccreditedStakeholder[] accredited =
        [
            .. positions.Select(Accredited),
            new("AP1", StakeholderKind.MemberState, RegionalGroup.AsiaPacific),
            new("uni", StakeholderKind.Academia),
        ];

        var measure = ConvergenceMeasure.Measure(positions, accredited);

        Assert.Equal(new StanceTally(0, 1, 1, 3, 1), measure.Counts);
        Near(4.0 / 6, measure.SupportShare);
        Near(0, measure.OppositionShare);
        Near(1.0 / 6, measure.ReservationsShare);
        Assert.Equal(new Coverage(8, 6, 0.75, 6, 5, 5.0 / 6), measure.Coverage);
        Assert.Equal(
            ["African", "AsiaPacific", "WesternEuropeanAndOthers", "Academia", "CivilSociety"],
            measure.Groups.Select(g => g.Group));
        var african = measure.Groups[0];
        Assert.Equal(new GroupSupport("African", GroupBasis.RegionalGroup, 3, 3, 2, 0, 1, 0.6), african);
        var asia = measure.Groups[1];
        Assert.False(asia.Counted);
        Assert.Equal((1, 0, 0.5), (asia.Accredited, asia.Positions, asia.P));
        Assert.Equal(3, measure.GroupCount);
        Near(0.15, measure.Gic);
        Near(Math.Cbrt(0.15), measure.Gicn);
        Assert.Equal("CivilSociety", measure.WeakestGroup!.Group);
        Assert.Equal(ConvergenceLevel.Emerging, measure.Level);
        Assert.Contains("(< 0.6 for broad convergence)", measure.Reason);
        Assert.Empty(measure.Holdouts);
        Assert.Equal(["AF3"], measure.SwingStakeholders.Select(s => s.Stakeholder));
    }

    [Fact]
    public void Inherited_positions_count_for_each_member_and_the_bloc_itself_is_not_counted_again()
    {
        // Bloc g77 (+1) inherited by AF1 and AF2; WE1 opposes. Counted: 3 positions (the bloc's own row is collective).
        // African p = (2+1)/(2+2) = 0.75; WEOG p = (0+1)/(1+2) = 1/3; GIC = 0.25; GICn = 0.5. n = 3 < 5 → InsufficientData.
        MeasuredPosition[] positions =
        [
            Other("g77", StakeholderKind.GroupOrBloc, 1),
            State("AF1", RegionalGroup.African, 1, inheritedFrom: "g77"),
            State("AF2", RegionalGroup.African, 1, inheritedFrom: "g77"),
            State("WE1", RegionalGroup.WesternEuropeanAndOthers, -2),
        ];

        var measure = ConvergenceMeasure.Measure(positions, positions.Select(Accredited));

        Assert.Equal(3, measure.Positions);
        Assert.Equal(2, measure.InheritedPositions);
        Assert.Equal(1, measure.CollectivePositions);
        Assert.Equal(new Coverage(3, 3, 1.0, 3, 3, 1.0), measure.Coverage);
        Assert.Equal(["African", "WesternEuropeanAndOthers"], measure.Groups.Select(g => g.Group));
        Near(0.25, measure.Gic);
        Near(0.5, measure.Gicn);
        Assert.Equal("WesternEuropeanAndOthers", measure.WeakestGroup!.Group);
        Assert.Equal(ConvergenceLevel.InsufficientData, measure.Level);
        var holdout = Assert.Single(measure.Holdouts);
        Assert.Equal(new NamedPosition("WE1", "WesternEuropeanAndOthers", -2, null, false, null), holdout);

        // With the bar lowered to 3 positions the same inputs are Emerging (GICn 0.5 ≥ 0.45).
        var lowered = ConvergenceMeasure.Measure(positions, [], ConvergenceThresholds.Default with { MinPositions = 3 });
        Assert.Equal(ConvergenceLevel.Emerging, lowered.Level);
    }

    [Fact]
    public void Ties_for_the_weakest_group_go_to_more_positions_then_to_the_name()
    {
        // African 1 of 2 → 2/4 = 0.5; Asia-Pacific 1 of 2 → 0.5: same p and positions → name order: African.
        MeasuredPosition[] equal =
        [
            State("AF1", RegionalGroup.African, 1), State("AF2", RegionalGroup.African, 0),
            State("AP1", RegionalGroup.AsiaPacific, 0), State("AP2", RegionalGroup.AsiaPacific, 2),
        ];
        Assert.Equal("African", ConvergenceMeasure.Measure(equal, []).WeakestGroup!.Group);

        // African 1 of 2 → 0.5; WEOG 2 of 4 → 3/6 = 0.5: the group with more positions is the weaker.
        MeasuredPosition[] moreEvidence =
        [
            State("AF1", RegionalGroup.African, 1), State("AF2", RegionalGroup.African, 0),
            State("WE1", RegionalGroup.WesternEuropeanAndOthers, 1), State("WE2", RegionalGroup.WesternEuropeanAndOthers, 2),
            State("WE3", RegionalGroup.WesternEuropeanAndOthers, -1), State("WE4", RegionalGroup.WesternEuropeanAndOthers, -2),
        ];
        Assert.Equal("WesternEuropeanAndOthers", ConvergenceMeasure.Measure(moreEvidence, []).WeakestGroup!.Group);

        // The input order never matters.
        Assert.Equal(ConvergenceMeasure.Measure(moreEvidence, []).Groups, ConvergenceMeasure.Measure(moreEvidence.Reverse(), []).Groups);
    }

    [Fact]
    public void States_are_grouped_by_regional_group_and_everyone_else_by_kind()
    {
        Assert.Equal(("African", GroupBasis.RegionalGroup), ConvergenceMeasure.GroupOf(StakeholderKind.MemberState, RegionalGroup.African));
        Assert.Equal(("AsiaPacific", GroupBasis.RegionalGroup), ConvergenceMeasure.GroupOf(StakeholderKind.ObserverState, RegionalGroup.AsiaPacific));
        Assert.Equal(("ObserverState", GroupBasis.Kind), ConvergenceMeasure.GroupOf(StakeholderKind.ObserverState, null));
        Assert.Equal(("MemberState", GroupBasis.Kind), ConvergenceMeasure.GroupOf(StakeholderKind.MemberState, null));
        Assert.Equal(("PrivateSector", GroupBasis.Kind), ConvergenceMeasure.GroupOf(StakeholderKind.PrivateSector, null));
    }

    [Fact]
    public void Consensus_needs_a_high_gicn_and_nobody_opposing()
    {
        // African 3 of 3 and WEOG 3 of 3: p = 4/5 = 0.8 each; GICn = 0.8 ≥ 0.75, no opposition → Consensus.
        // One support is conditional: a swing stakeholder even within a consensus.
        MeasuredPosition[] positions =
        [
            State("AF1", RegionalGroup.African, 2), State("AF2", RegionalGroup.African, 1), State("AF3", RegionalGroup.African, 1, conditions: "if voluntary"),
            State("WE1", RegionalGroup.WesternEuropeanAndOthers, 1), State("WE2", RegionalGroup.WesternEuropeanAndOthers, 2), State("WE3", RegionalGroup.WesternEuropeanAndOthers, 2),
        ];

        var measure = ConvergenceMeasure.Measure(positions, []);

        Near(0.64, measure.Gic);
        Near(0.8, measure.Gicn);
        Assert.Equal(ConvergenceLevel.Consensus, measure.Level);
        Assert.Equal(["AF3"], measure.SwingStakeholders.Select(s => s.Stakeholder));
        Assert.Equal(new Coverage(0, 0, null, 0, 0, null), measure.Coverage);
    }

    [Fact]
    public void Divergent_below_the_emerging_threshold()
    {
        // Two groups, 0 of 3 supporting in each: p = 1/5 = 0.2; GICn = 0.2 < 0.45.
        MeasuredPosition[] positions =
        [
            State("AF1", RegionalGroup.African, -2), State("AF2", RegionalGroup.African, -1), State("AF3", RegionalGroup.African, 0),
            Other("ngo1", StakeholderKind.CivilSociety, -2), Other("ngo2", StakeholderKind.CivilSociety, -2), Other("ngo3", StakeholderKind.CivilSociety, -1),
        ];

        var measure = ConvergenceMeasure.Measure(positions, []);

        Near(0.2, measure.Gicn);
        Assert.Equal(ConvergenceLevel.Divergent, measure.Level);
        Assert.Equal(["AF1", "ngo1", "ngo2"], measure.Holdouts.Select(h => h.Stakeholder));
        Assert.Equal(["AF2", "ngo3"], measure.SwingStakeholders.Select(h => h.Stakeholder));
        Near(0.5, measure.OppositionShare);
    }

    [Fact]
    public void Thresholds_are_inclusive_at_their_edges()
    {
        // One group (MinGroups lowered to 1, so GICn = p exactly): WEOG 2 of 2 → p = 0.75.
        MeasuredPosition[] two = [State("WE1", RegionalGroup.WesternEuropeanAndOthers, 1), State("WE2", RegionalGroup.WesternEuropeanAndOthers, 2)];
        var oneGroup = ConvergenceThresholds.Default with { MinPositions = 2, MinGroups = 1 };

        Assert.Equal(ConvergenceLevel.Consensus, ConvergenceMeasure.Measure(two, [], oneGroup).Level);
        Assert.Equal(ConvergenceLevel.BroadConvergence, ConvergenceMeasure.Measure(two, [], oneGroup with { ConsensusGicn = 0.76 }).Level);
        Assert.Equal(ConvergenceLevel.InsufficientData, ConvergenceMeasure.Measure(two, [], oneGroup with { MinPositions = 3 }).Level);
        Assert.Equal(ConvergenceLevel.InsufficientData, ConvergenceMeasure.Measure(two, [], oneGroup with { MinGroups = 2 }).Level);

        // 10 positions, 9 support, 1 opposes: p = 10/12 ≈ 0.833 ≥ 0.75 but one opposes → not consensus;
        // opposition share 1/10 = 0.10 ≤ 0.10 → BroadConvergence (edge inclusive).
        MeasuredPosition[] nineToOne = [.. Enumerable.Range(1, 10).Select(i => State($"W{i:00}", RegionalGroup.WesternEuropeanAndOthers, i == 1 ? -2 : 1))];
        var broad = ConvergenceMeasure.Measure(nineToOne, [], oneGroup);
        Assert.Equal(ConvergenceLevel.BroadConvergence, broad.Level);
        Assert.Contains("not consensus: 1 oppose", broad.Reason);

        // 8 support, 2 oppose: p = 9/12 = 0.75, opposition 0.2 > 0.10 → Emerging.
        MeasuredPosition[] eightToTwo = [.. Enumerable.Range(1, 10).Select(i => State($"W{i:00}", RegionalGroup.WesternEuropeanAndOthers, i <= 2 ? -2 : 1))];
        var emerging = ConvergenceMeasure.Measure(eightToTwo, [], oneGroup);
        Assert.Equal(ConvergenceLevel.Emerging, emerging.Level);
        Assert.Contains("not broad convergence: opposition share 0.2 > 0.1", emerging.Reason);

        // p = 0.75 with the emerging bar at exactly 0.75 and the broad one above it → Emerging; just above → Divergent.
        var high = oneGroup with { ConsensusGicn = 0.9, BroadConvergenceGicn = 0.8, EmergingGicn = 0.75 };
        Assert.Equal(ConvergenceLevel.Emerging, ConvergenceMeasure.Measure(two, [], high).Level);
        Assert.Equal(ConvergenceLevel.Divergent, ConvergenceMeasure.Measure(two, [], high with { EmergingGicn = 0.7500001 }).Level);
    }

    [Fact]
    public void Coverage_counts_only_accredited_stakeholders_and_is_null_when_none_are()
    {
        // MEX accredited with a position, BRA accredited without, ngo has a position but is not accredited.
        MeasuredPosition[] positions = [State("MEX", RegionalGroup.LatinAmericanAndCaribbean, 1), Other("ngo", StakeholderKind.CivilSociety, 1)];
        AccreditedStakeholder[] accredited =
        [
            new("MEX", StakeholderKind.MemberState, RegionalGroup.LatinAmericanAndCaribbean),
            new("BRA", StakeholderKind.MemberState, RegionalGroup.LatinAmericanAndCaribbean),
            new("bloc", StakeholderKind.GroupOrBloc),
        ];

        Assert.Equal(new Coverage(2, 1, 0.5, 2, 1, 0.5), ConvergenceMeasure.Measure(positions, accredited).Coverage);
        Assert.Equal(new Coverage(1, 0, 0.0, 0, 0, null), ConvergenceMeasure.Measure(positions, [new AccreditedStakeholder("uni", StakeholderKind.Academia)]).Coverage);
    }

    [Fact]
    public void Thresholds_must_be_ordered_within_zero_and_one_with_minimums_of_one()
    {
        Assert.Empty(ConvergenceThresholds.Default.Problems());
        Assert.Empty(new ConvergenceThresholds(1, 1, 0.5, 0.5, 0.5, 0).Problems());

        Assert.Equal(["MinPositions", "MinGroups"], new ConvergenceThresholds(0, 0, 0.8, 0.6, 0.4, 0.1).Problems().Select(p => p.Field));
        Assert.Equal(["ConsensusGicn", "BroadConvergenceMaxOpposition"], new ConvergenceThresholds(5, 2, 1.2, 0.6, 0.4, -0.1).Problems().Select(p => p.Field));
        Assert.Equal(["EmergingGicn"], new ConvergenceThresholds(5, 2, 0.8, 0.6, double.NaN, 0.1).Problems().Select(p => p.Field));
        var unordered = Assert.Single(new ConvergenceThresholds(5, 2, 0.6, 0.7, 0.4, 0.1).Problems());
        Assert.Contains("ordered", unordered.Message);
    }
}
