using System.Globalization;
using Consultation.Convergence.Measuring.Grouping;
using Consultation.Positions;
using Consultation.Stakeholders;

namespace Consultation.Convergence.Measuring;

/// <summary>One effective position on an issue, as the measure sees it (own or inherited from a group).</summary>
public sealed record MeasuredPosition(
    string Stakeholder,
    StakeholderKind Kind,
    RegionalGroup? RegionalGroup,
    int Stance,
    string? Conditions = null,
    string? InheritedFrom = null)
{
    public bool Inherited => InheritedFrom is not null;

    /// <summary>The declared group it was measured in, when the measure read the record (null: none, or not said).</summary>
    public string? Group { get; init; }

    public bool IsConditional => !string.IsNullOrWhiteSpace(Conditions);
}

/// <summary>A stakeholder accredited to the process (the denominator of coverage).</summary>
public sealed record AccreditedStakeholder(string Stakeholder, StakeholderKind Kind, RegionalGroup? RegionalGroup = null);

public enum ConvergenceLevel
{
    InsufficientData,
    Divergent,
    Emerging,
    BroadConvergence,
    Consensus,
}

/// <summary>
/// What a declared group is: a UN regional group, a stakeholder kind, a declared bloc, a group of a custom grouping, or the
/// stakeholders a bloc or custom grouping puts in none (<see cref="GroupAssignment"/>).
/// </summary>
public enum GroupBasis
{
    RegionalGroup,
    Kind,
    Bloc,
    Custom,
    Ungrouped,
}

/// <summary>
/// The thresholds that turn a measure into a level (see <see cref="ConvergenceMeasure"/>). <see cref="Default"/> applies
/// unless a process set its own.
/// </summary>
public sealed record ConvergenceThresholds(
    int MinPositions,
    int MinGroups,
    double ConsensusGicn,
    double BroadConvergenceGicn,
    double EmergingGicn,
    double BroadConvergenceMaxOpposition)
{
    /// <summary>
    /// Defaults, with the reasoning (p_g of a group of n positions that all support is (n+1)/(n+2): 1 → 0.67, 2 → 0.75,
    /// 3 → 0.80, 5 → 0.86; a group where 2 of 4 support gives 0.50, 3 of 4 gives 0.67):
    /// <list type="bullet">
    /// <item><b>MinPositions 5, MinGroups 2</b> — fewer than five positions or a single declared group says nothing about
    /// <em>cross-group</em> agreement: InsufficientData.</item>
    /// <item><b>Consensus: GICn ≥ 0.75 and nobody opposes</b> — as if every group had at least two positions, all supportive;
    /// one stance −2 anywhere rules consensus out (objection-based consensus as practised in UN processes).</item>
    /// <item><b>BroadConvergence: GICn ≥ 0.60 and opposition share ≤ 0.10</b> — roughly two thirds support in the typical
    /// group, with at most one in ten opposing.</item>
    /// <item><b>Emerging: GICn ≥ 0.45</b> — about half support in the typical group.</item>
    /// <item><b>Divergent</b> — below that.</item>
    /// </list>
    /// </summary>
    public static readonly ConvergenceThresholds Default = new(
        MinPositions: 5,
        MinGroups: 2,
        ConsensusGicn: 0.75,
        BroadConvergenceGicn: 0.60,
        EmergingGicn: 0.45,
        BroadConvergenceMaxOpposition: 0.10);

    /// <summary>Why these thresholds cannot be used; empty when they can. Ordered, within [0,1], minimums ≥ 1.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (MinPositions < 1)
        {
            problems.Add((nameof(MinPositions), "'Min Positions' must be at least 1."));
        }

        if (MinGroups < 1)
        {
            problems.Add((nameof(MinGroups), "'Min Groups' must be at least 1."));
        }

        foreach (var (field, value) in new[]
                 {
                     (nameof(ConsensusGicn), ConsensusGicn),
                     (nameof(BroadConvergenceGicn), BroadConvergenceGicn),
                     (nameof(EmergingGicn), EmergingGicn),
                     (nameof(BroadConvergenceMaxOpposition), BroadConvergenceMaxOpposition),
                 })
        {
            if (double.IsNaN(value) || value is < 0 or > 1)
            {
                problems.Add((field, $"'{field}' must be between 0 and 1."));
            }
        }

        if (problems.Count == 0 && !(ConsensusGicn >= BroadConvergenceGicn && BroadConvergenceGicn >= EmergingGicn))
        {
            problems.Add((nameof(ConsensusGicn), "Thresholds must be ordered: consensusGicn ≥ broadConvergenceGicn ≥ emergingGicn."));
        }

        return problems;
    }
}

/// <summary>Counts per stance (−2 … +2).</summary>
public sealed record StanceTally(int Opposes, int HasReservations, int Neutral, int Supports, int StronglySupports)
{
    public static StanceTally Of(IEnumerable<MeasuredPosition> positions)
    {
        var list = positions as IReadOnlyCollection<MeasuredPosition> ?? [.. positions];
        return new(
            list.Count(p => p.Stance == Stances.Opposes),
            list.Count(p => p.Stance == Stances.HasReservations),
            list.Count(p => p.Stance == Stances.Neutral),
            list.Count(p => p.Stance == Stances.Supports),
            list.Count(p => p.Stance == Stances.StronglySupports));
    }

    public int Total => Opposes + HasReservations + Neutral + Supports + StronglySupports;

    public int Supporters => Supports + StronglySupports;
}

/// <summary>
/// One declared group's inputs and its smoothed support <c>p_g = (supporters + 1) / (positions + 2)</c>. A group with no
/// positions (known only through accredited stakeholders) shows p_g = 0.5 and is <see cref="Counted"/> false: it does not
/// enter GIC.
/// </summary>
public sealed record GroupSupport(string Group, GroupBasis Basis, int Accredited, int Positions, int Supporters, int Opposers, int Reservations, double P)
{
    public bool Counted => Positions > 0;
}

/// <summary>Who is named beside the numbers: holdouts (stance −2) and swing stakeholders (−1, or +1 with conditions).</summary>
public sealed record NamedPosition(string Stakeholder, string Group, int Stance, string? Conditions, bool Inherited, string? InheritedFrom);

public sealed record Coverage(
    int Accredited,
    int AccreditedWithPosition,
    double? Share,
    int AccreditedMemberStates,
    int MemberStatesWithPosition,
    double? MemberStateShare);

/// <summary>The measured convergence of one issue, with every input that produced it.</summary>
public sealed record IssueMeasure(
    ConvergenceLevel Level,
    string Reason,
    int Positions,
    int InheritedPositions,
    int CollectivePositions,
    int UngroupedPositions,
    StanceTally Counts,
    double? SupportShare,
    double? OppositionShare,
    double? ReservationsShare,
    Coverage Coverage,
    string Grouping,
    int GroupCount,
    double? Gic,
    double? Gicn,
    GroupSupport? WeakestGroup,
    IReadOnlyList<GroupSupport> Groups,
    IReadOnlyList<NamedPosition> Holdouts,
    IReadOnlyList<NamedPosition> SwingStakeholders,
    ConvergenceThresholds Thresholds);

/// <summary>
/// Measured convergence of an issue — pure, deterministic, no I/O. Over the effective positions (own or inherited):
/// <list type="bullet">
/// <item><b>Voices.</b> Every effective position counts once, except positions of <see cref="StakeholderKind.GroupOrBloc"/>
/// stakeholders: a bloc speaks for its members, who inherit its position, so the bloc itself is not counted again
/// (reported as <see cref="IssueMeasure.CollectivePositions"/>). Such blocs are left out of coverage too.</item>
/// <item><b>Shares</b> over counted positions n: support = (#stance ≥ +1)/n, opposition = (#−2)/n, reservations = (#−1)/n;
/// null when n = 0.</item>
/// <item><b>Coverage</b>: accredited stakeholders with a position / accredited stakeholders, and the same for Member States;
/// null (not 0) when nothing, or no Member State, is accredited. The positions given are those of stakeholders entitled on
/// the date measured (<see cref="MeasureInputs.MeasureAsync"/> leaves out the others): a State's position counts without
/// an accreditation, but never raises coverage above 1.</item>
/// <item><b>Declared groups</b> by the process's grouping basis (<see cref="GroupAssignment"/>; by default, Member and
/// observer States with a UN regional group are grouped by it, every other stakeholder by its kind). A stakeholder the
/// basis leaves out is not measured (<see cref="IssueMeasure.UngroupedPositions"/>). <c>p_g = (supporters_g + 1) / (positions_g + 2)</c> (Laplace smoothing: a group of one
/// supporter is not treated as unanimous certainty). <c>GIC = Π p_g</c> over the G groups with ≥ 1 position;
/// <c>GICn = GIC^(1/G)</c>; both null when G = 0.</item>
/// <item><b>Weakest group</b>: lowest p_g (compared exactly as fractions); ties broken by more positions first, then group
/// name (ordinal).</item>
/// <item><b>Level</b>, first rule that holds: InsufficientData when n &lt; MinPositions or G &lt; MinGroups; Consensus
/// when GICn ≥ ConsensusGicn and nobody opposes; BroadConvergence when GICn ≥ BroadConvergenceGicn and opposition share
/// ≤ BroadConvergenceMaxOpposition; Emerging when GICn ≥ EmergingGicn; otherwise Divergent.</item>
/// </list>
/// </summary>
public static class ConvergenceMeasure
{
    public static IssueMeasure Measure(
        IEnumerable<MeasuredPosition> effective,
        IEnumerable<AccreditedStakeholder> accredited,
        ConvergenceThresholds? thresholds = null) =>
        Measure(effective, AccreditedVoices.Of(accredited), thresholds);

    /// <summary>The same measure, with the accredited stakeholders already counted (a snapshot measures many issues against them).</summary>
    public static IssueMeasure Measure(
        IEnumerable<MeasuredPosition> effective,
        AccreditedVoices accredited,
        ConvergenceThresholds? thresholds = null,
        GroupAssignment? grouping = null)
    {
        thresholds ??= ConvergenceThresholds.Default;
        grouping ??= GroupAssignment.RegionalGroups;
        var all = effective.OrderBy(p => p.Stakeholder, StringComparer.Ordinal).ToList();
        var voices = all.Where(p => p.Kind != StakeholderKind.GroupOrBloc).ToList();
        var collective = all.Count - voices.Count;
        var groupOf = voices.ToDictionary(p => p.Stakeholder, p => grouping.Of(p.Stakeholder, p.Kind, p.RegionalGroup), StringComparer.Ordinal);
        var positions = voices.Where(p => groupOf[p.Stakeholder] is not null).ToList();
        var counts = StanceTally.Of(positions);
        var n = positions.Count;

        var withPosition = positions.Select(p => p.Stakeholder).ToHashSet(StringComparer.Ordinal);
        var accreditedWithPosition = withPosition.Count(accredited.Voices.Contains);
        var memberStatesWithPosition = withPosition.Count(accredited.MemberStates.Contains);
        var coverage = new Coverage(
            accredited.Voices.Count,
            accreditedWithPosition,
            Ratio(accreditedWithPosition, accredited.Voices.Count),
            accredited.MemberStates.Count,
            memberStatesWithPosition,
            Ratio(memberStatesWithPosition, accredited.MemberStates.Count));

        var groups = Groups(positions, p => groupOf[p.Stakeholder]!.Value, accredited.CountByGroup(grouping));
        var counted = groups.Where(g => g.Counted).ToList();
        double? gic = counted.Count == 0 ? null : counted.Aggregate(1.0, (product, g) => product * g.P);
        double? gicn = gic is { } value ? Math.Pow(value, 1.0 / counted.Count) : null;
        var weakest = counted
            .OrderBy(g => g, Comparer<GroupSupport>.Create(CompareSupport))
            .ThenByDescending(g => g.Positions)
            .ThenBy(g => g.Group, StringComparer.Ordinal)
            .FirstOrDefault();

        var oppositionShare = Ratio(counts.Opposes, n);
        var (level, reason) = Level(n, counted.Count, gicn, counts.Opposes, oppositionShare, thresholds);

        return new IssueMeasure(
            level,
            reason,
            n,
            positions.Count(p => p.Inherited),
            collective,
            voices.Count - positions.Count,
            counts,
            Ratio(counts.Supporters, n),
            oppositionShare,
            Ratio(counts.HasReservations, n),
            coverage,
            grouping.Basis.Name,
            counted.Count,
            gic,
            gicn,
            weakest,
            groups,
            [.. positions.Where(p => p.Stance == Stances.Opposes).Select(p => Named(p, groupOf[p.Stakeholder]!.Value.Group))],
            [.. positions.Where(IsSwing).Select(p => Named(p, groupOf[p.Stakeholder]!.Value.Group))],
            thresholds);
    }

    /// <summary>The declared group of a stakeholder: its UN regional group if it is a State that declares one, else its kind.</summary>
    public static (string Group, GroupBasis Basis) GroupOf(StakeholderKind kind, RegionalGroup? regionalGroup) =>
        kind.IsState() && regionalGroup is { } region
            ? (region.ToString(), GroupBasis.RegionalGroup)
            : (kind.ToString(), GroupBasis.Kind);

    /// <summary>Reservations (−1), or support (+1) given with conditions.</summary>
    public static bool IsSwing(MeasuredPosition p) =>
        p.Stance == Stances.HasReservations || (p.Stance == Stances.Supports && p.IsConditional);

    private static IReadOnlyList<GroupSupport> Groups(
        IReadOnlyList<MeasuredPosition> positions,
        Func<MeasuredPosition, (string Group, GroupBasis Basis)> groupOf,
        IReadOnlyDictionary<(string Group, GroupBasis Basis), int> accreditedByGroup)
    {
        var byGroup = positions.GroupBy(groupOf).ToDictionary(g => g.Key, g => g.ToList());
        return byGroup.Keys.Union(accreditedByGroup.Keys)
            .Select(key =>
            {
                var members = byGroup.GetValueOrDefault(key) ?? [];
                var supporters = members.Count(p => p.Stance >= Stances.Supports);
                return new GroupSupport(
                    key.Group,
                    key.Basis,
                    accreditedByGroup.GetValueOrDefault(key),
                    members.Count,
                    supporters,
                    members.Count(p => p.Stance == Stances.Opposes),
                    members.Count(p => p.Stance == Stances.HasReservations),
                    (supporters + 1.0) / (members.Count + 2.0));
            })
            .OrderBy(g => g.Basis)
            .ThenBy(g => g.Group, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>p_g compared exactly: (s₁+1)/(n₁+2) vs (s₂+1)/(n₂+2) by cross-multiplication.</summary>
    private static int CompareSupport(GroupSupport a, GroupSupport b) =>
        ((long)(a.Supporters + 1) * (b.Positions + 2)).CompareTo((long)(b.Supporters + 1) * (a.Positions + 2));

    private static (ConvergenceLevel, string) Level(int positions, int groups, double? gicn, int opposers, double? oppositionShare, ConvergenceThresholds t)
    {
        if (positions < t.MinPositions || groups < t.MinGroups || gicn is not { } g)
        {
            return (ConvergenceLevel.InsufficientData,
                F($"{positions} position(s) in {groups} group(s); at least {t.MinPositions} position(s) in {t.MinGroups} group(s) are needed"));
        }

        if (g >= t.ConsensusGicn && opposers == 0)
        {
            return (ConvergenceLevel.Consensus, F($"GICn {g:0.###} ≥ {t.ConsensusGicn:0.###} and nobody opposes"));
        }

        var opposition = oppositionShare ?? 0;
        if (g >= t.BroadConvergenceGicn && opposition <= t.BroadConvergenceMaxOpposition)
        {
            var why = g >= t.ConsensusGicn ? F($"; not consensus: {opposers} oppose") : F($" (< {t.ConsensusGicn:0.###} for consensus)");
            return (ConvergenceLevel.BroadConvergence,
                F($"GICn {g:0.###} ≥ {t.BroadConvergenceGicn:0.###} and opposition share {opposition:0.###} ≤ {t.BroadConvergenceMaxOpposition:0.###}") + why);
        }

        if (g >= t.EmergingGicn)
        {
            var why = g >= t.BroadConvergenceGicn
                ? F($"; not broad convergence: opposition share {opposition:0.###} > {t.BroadConvergenceMaxOpposition:0.###}")
                : F($" (< {t.BroadConvergenceGicn:0.###} for broad convergence)");
            return (ConvergenceLevel.Emerging, F($"GICn {g:0.###} ≥ {t.EmergingGicn:0.###}") + why);
        }

        return (ConvergenceLevel.Divergent, F($"GICn {g:0.###} < {t.EmergingGicn:0.###}"));
    }

    private static NamedPosition Named(MeasuredPosition p, string group) =>
        new(p.Stakeholder, group, p.Stance, p.Conditions, p.Inherited, p.InheritedFrom);

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
