namespace Consultation.Convergence.Measuring.Grouping;

/// <summary>A process defined a named grouping (blocs or custom groups), or redefined one it had (the new definition replaces it from now on).</summary>
public sealed record GroupingDefined(string Process, GroupingBasis Grouping, string? Reason);

/// <summary>A process chose the grouping basis its convergence is measured across: a built-in one or a grouping it defined.</summary>
public sealed record GroupingBasisChosen(string Process, string Basis, string? Reason);
