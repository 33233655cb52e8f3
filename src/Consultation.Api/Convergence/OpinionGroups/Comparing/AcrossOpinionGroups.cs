using Consultation.Convergence.Measuring;
using Consultation.Convergence.Measuring.Grouping;
using Consultation.Convergence.OpinionGroups.Inference;

namespace Consultation.Convergence.OpinionGroups.Comparing;

/// <summary>
/// One issue measured across the declared groups and across the opinion groups, side by side: level, GICn and reason of each,
/// the opinion groups' inputs (<see cref="Groups"/>, with the weakest), whether the two levels differ, and whether the
/// issue is <see cref="Bridging"/>.
/// </summary>
public sealed record IssueAcross(
    string Issue,
    string Title,
    ConvergenceLevel DeclaredLevel,
    double? DeclaredGicn,
    ConvergenceLevel Level,
    string Reason,
    int Positions,
    int GroupCount,
    double? Gic,
    double? Gicn,
    GroupSupport? WeakestGroup,
    IReadOnlyList<GroupSupport> Groups,
    bool LevelsDiffer,
    bool Bridging);

/// <summary>
/// GIC and GICn across the inferred opinion groups, by the convergence measure itself (<see cref="ConvergenceMeasure"/>,
/// with the opinion groups as a custom grouping and the process's thresholds, so the levels are those of the declared
/// measure): p_g = (supporters_g + 1) ÷ (positions_g + 2) per opinion group, GIC = Π p_g, GICn = GIC^(1/G). Positions of
/// stakeholders not on the map (too few positions) are left out of it. An issue is <b>bridging</b> when there are at least
/// two opinion groups, every one of them holds positions on it, and the weakest one's p_g reaches the broad-convergence
/// threshold (by default 0.60: about three in five of each group's positions support) — support that crosses every divide
/// the inference found. Issues in key order.
/// </summary>
public static class AcrossOpinionGroups
{
    public const string GroupingName = "opinion-groups";

    public static IReadOnlyList<IssueAcross> Measure(
        IEnumerable<(string Issue, string Title, IssueMeasure Declared, IReadOnlyList<MeasuredPosition> Positions)> issues,
        InferredGroups inferred,
        ConvergenceThresholds thresholds)
    {
        var basis = new GroupingBasis(
            GroupingName,
            GroupingKind.Custom,
            Groups: [.. inferred.Groups.Select(g => new CustomGroup(g.Label, [.. g.Members.Select(m => new CustomMember(m))]))]);
        var grouping = GroupAssignment.On(basis, DateOnly.MinValue, []);
        var nobody = AccreditedVoices.Of([]);
        return
        [
            .. issues
                .OrderBy(i => i.Issue, StringComparer.Ordinal)
                .Select(i =>
                {
                    var measure = ConvergenceMeasure.Measure(i.Positions, nobody, thresholds, grouping);
                    var bridging = inferred.Groups.Count >= 2
                        && measure.GroupCount == inferred.Groups.Count
                        && measure.WeakestGroup is { } weakest
                        && weakest.P >= thresholds.BroadConvergenceGicn;
                    return new IssueAcross(
                        i.Issue,
                        i.Title,
                        i.Declared.Level,
                        i.Declared.Gicn,
                        measure.Level,
                        measure.Reason,
                        measure.Positions,
                        measure.GroupCount,
                        measure.Gic,
                        measure.Gicn,
                        measure.WeakestGroup,
                        [.. measure.Groups],
                        measure.Level != i.Declared.Level,
                        bridging);
                }),
        ];
    }
}
