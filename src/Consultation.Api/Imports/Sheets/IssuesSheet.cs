using Consultation.Imports.Reading;
using Consultation.Processes.Issues;

namespace Consultation.Imports.Sheets;

/// <summary>
/// An issues sheet: one row per issue tabled in the import's process, as the issues batch's items
/// (<see cref="TableIssuesInBatch"/>), in the sheet's order (a parent issue is tabled already or on an earlier row).
/// </summary>
public static class IssuesSheet
{
    public const string Name = "issues";

    public static readonly SheetColumns Columns = new(Name, "description", "issue", "title", "description", "theme", "parentIssue");

    public static IReadOnlyList<PlannedItem<TableIssue.Request>> Plan(Sheet sheet, ImportErrors errors)
    {
        var columns = Columns.Match(sheet, errors);
        string? Cell(SheetRow row, string name) => columns.TryGetValue(name, out var written) ? row[written] : null;
        var fieldColumns = Columns.Names.ToDictionary(n => n, n => columns.GetValueOrDefault(n, n));

        return [.. sheet.Rows.Select(row => new PlannedItem<TableIssue.Request>(
            sheet.Name,
            row.Number,
            new TableIssue.Request(Cell(row, "issue"), Cell(row, "title"), Cell(row, "description"), Cell(row, "theme"), Cell(row, "parentIssue")),
            "IssueTabled",
            null,
            fieldColumns))];
    }
}
