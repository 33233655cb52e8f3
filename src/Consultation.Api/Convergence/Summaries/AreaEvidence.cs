using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Positions;

namespace Consultation.Convergence.Summaries;

/// <summary>A linked issue's measure as the area shows it: the inputs a facilitator needs to see why.</summary>
public sealed record LinkedIssueMeasure(
    string Issue,
    string Title,
    ConvergenceLevel Level,
    string Reason,
    double? Gicn,
    double? SupportShare,
    double? OppositionShare,
    int Positions,
    GroupSupport? WeakestGroup);

/// <summary>One position as evidence for or against an area: on which issue, whose, which stance, own or inherited.</summary>
public sealed record EvidencePosition(string Issue, string Stakeholder, string Group, int Stance, string? Conditions, bool Inherited, string? InheritedFrom);

/// <summary>Whether the facilitator's claim (the status) and the measured evidence (the level) disagree, and why.</summary>
public sealed record ClaimCheck(bool Disagrees, string Reason);

/// <summary>The measured evidence for an area: the combined level, the issue that decided it, the positions for and against.</summary>
public sealed record CombinedEvidence(
    ConvergenceLevel Level,
    string? DecidedBy,
    string Reason,
    IReadOnlyList<LinkedIssueMeasure> Issues,
    int SupportingCount,
    int ContradictingCount,
    IReadOnlyList<EvidencePosition> Supporting,
    IReadOnlyList<EvidencePosition> Contradicting,
    ClaimCheck Claim);

/// <summary>
/// How an area's claim is set against the evidence — pure, no I/O.
/// <list type="bullet">
/// <item><b>Combination: the weakest linked issue decides.</b> The area's level is the lowest level among its linked
/// issues, in the order InsufficientData &lt; Divergent &lt; Emerging &lt; BroadConvergence &lt; Consensus; ties are broken by
/// the lower GICn (no GICn counts as lowest), then issue key (ordinal), and that issue is named
/// (<see cref="CombinedEvidence.DecidedBy"/>). An area claims convergence on <em>all</em> its issues, so it is only as
/// convergent as its least convergent issue; averaging would let a consensus on one issue hide a split on another.
/// An area with no linked issue is InsufficientData.</item>
/// <item><b>Evidence.</b> Across the linked issues, the counted positions (own or inherited; blocs are represented by
/// their members, as in the measure) with stance ≥ +1 support the area and those with stance ≤ −1 (reservations or
/// opposition) contradict it; neutral positions are neither. Ordered by issue (link order), then stakeholder.</item>
/// <item><b>Disagreement flag.</b> The claim and the evidence disagree when the area is <see cref="AreaStatus.Affirmed"/>
/// or <see cref="AreaStatus.ConfirmedInText"/> (the facilitator has asserted convergence) while its combined level is
/// Divergent or InsufficientData — some linked issue is split, or too few have spoken to back the claim (including an
/// affirmed area with no linked issue). An Identified area is a proposal still to be tested and a Dissolved one makes no
/// claim: neither is flagged.</item>
/// </list>
/// </summary>
public static class AreaCombination
{
    public static CombinedEvidence Combine(AreaStatus status, IReadOnlyList<MeasuredIssue> linked)
    {
        var issues = linked
            .Select(i => new LinkedIssueMeasure(
                i.Issue,
                i.Title,
                i.Measure.Level,
                i.Measure.Reason,
                i.Measure.Gicn,
                i.Measure.SupportShare,
                i.Measure.OppositionShare,
                i.Measure.Positions,
                i.Measure.WeakestGroup))
            .ToList();
        var weakest = issues
            .OrderBy(i => i.Level)
            .ThenBy(i => i.Gicn ?? double.NegativeInfinity)
            .ThenBy(i => i.Issue, StringComparer.Ordinal)
            .FirstOrDefault();
        var level = weakest?.Level ?? ConvergenceLevel.InsufficientData;
        var reason = weakest is null
            ? "No issue is linked to the area"
            : $"The weakest of {issues.Count} linked issue(s), {weakest.Issue}, is {weakest.Level}: {weakest.Reason}";

        var evidence = linked
            .SelectMany(i => i.Positions.Select(p => new EvidencePosition(
                i.Issue,
                p.Stakeholder,
                p.Group ?? ConvergenceMeasure.GroupOf(p.Kind, p.RegionalGroup).Group,
                p.Stance,
                p.Conditions,
                p.Inherited,
                p.InheritedFrom)))
            .ToList();
        var supporting = evidence.Where(p => p.Stance >= Stances.Supports).ToList();
        var contradicting = evidence.Where(p => p.Stance <= Stances.HasReservations).ToList();

        return new CombinedEvidence(level, weakest?.Issue, reason, issues, supporting.Count, contradicting.Count, supporting, contradicting, Check(status, level, weakest?.Issue));
    }

    /// <summary>The disagreement rule (see <see cref="AreaCombination"/>).</summary>
    public static ClaimCheck Check(AreaStatus status, ConvergenceLevel level, string? decidedBy)
    {
        var asserted = status is AreaStatus.Affirmed or AreaStatus.ConfirmedInText;
        if (!asserted)
        {
            return new ClaimCheck(false, $"The area is {status}: it asserts no convergence to check");
        }

        return level <= ConvergenceLevel.Divergent
            ? new ClaimCheck(true, decidedBy is null
                ? $"The area is {status} but no issue is linked to it"
                : $"The area is {status} but linked issue {decidedBy} is {level}")
            : new ClaimCheck(false, $"The area is {status} and every linked issue is at least {level}");
    }
}
