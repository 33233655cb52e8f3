namespace Consultation.Imports.Sheets;

/// <summary>The kinds of sheet an import reads, in the order it decides them: a later sheet's rows may name what an earlier one writes.</summary>
public static class SheetKinds
{
    public static readonly IReadOnlyList<SheetColumns> All = [StakeholdersSheet.Columns, IssuesSheet.Columns, SubmissionsSheet.Columns, PositionsSheet.Columns];

    /// <summary>'kind' for stakeholders (key, kind, …), … : each kind's mark and columns, for a message.</summary>
    public static string Describe() =>
        string.Join("; ", All.Select(k => $"'{k.Mark}' for {k.Kind} ({string.Join(", ", k.Names)})"));
}
