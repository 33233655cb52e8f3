using Consultation.Convergence.Measuring.Grouping;

namespace Consultation.Convergence.Measuring;

/// <summary>What a measure is judged by: the thresholds that turn it into a level, and the grouping basis it is measured across.</summary>
public sealed record MeasureRules(ConvergenceThresholds Thresholds, GroupingBasis Basis)
{
    public static readonly MeasureRules Default = new(ConvergenceThresholds.Default, GroupingBasis.RegionalGroups);

    /// <summary>Equal for equal rules (the basis's lists compare by reference, its fingerprint by content).</summary>
    public (ConvergenceThresholds Thresholds, string Basis) Key => (Thresholds, Basis.Fingerprint);
}
