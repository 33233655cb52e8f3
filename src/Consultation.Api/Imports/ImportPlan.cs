using Consultation.Imports.Reading;
using Consultation.Imports.Sheets;
using Consultation.Positions.Batching;
using Consultation.Processes.Issues;
using Consultation.Stakeholders.Batching;
using Consultation.Submissions.Recording;

namespace Consultation.Imports;

/// <summary>
/// A file read into the batches' items — the registry's (stakeholders sheet), the process's issues (issues sheet), the
/// submissions' (submissions sheet) and the positions' (positions sheet) — each item with the row and columns it came
/// from, and what is wrong with the file itself (unknown sheet or column, a cell that is not a date or a number).
/// </summary>
public sealed record ImportPlan(
    IReadOnlyList<PlannedItem<ChangeRegistryInBatch.Item>> Registry,
    IReadOnlyList<PlannedItem<TableIssue.Request>> Issues,
    IReadOnlyList<PlannedItem<RecordSubmission.Request>> Submissions,
    IReadOnlyList<PlannedItem<StatePositionsInBatch.Item>> Positions,
    int Rows,
    ImportErrors Errors)
{
    public const int MaxRows = 20_000;

    public static ImportPlan Read(SpreadsheetUpload upload, string process)
    {
        var errors = new ImportErrors();
        var sheets = SpreadsheetReader.Read(upload.Content, upload.ContentType, CsvKind, MaxRows);
        var registry = new List<PlannedItem<ChangeRegistryInBatch.Item>>();
        var issues = new List<PlannedItem<TableIssue.Request>>();
        var submissions = new List<PlannedItem<RecordSubmission.Request>>();
        var positions = new List<PlannedItem<StatePositionsInBatch.Item>>();
        foreach (var sheet in sheets.Where(s => s.Rows.Count > 0 || s.Columns.Count > 0))
        {
            switch (sheet.Name.Trim().ToLowerInvariant())
            {
                case StakeholdersSheet.Name:
                    registry.AddRange(StakeholdersSheet.Plan(sheet, process, errors));
                    break;
                case IssuesSheet.Name:
                    issues.AddRange(IssuesSheet.Plan(sheet, errors));
                    break;
                case SubmissionsSheet.Name:
                    submissions.AddRange(SubmissionsSheet.Plan(sheet, errors));
                    break;
                case PositionsSheet.Name:
                    positions.AddRange(PositionsSheet.Plan(sheet, errors));
                    break;
                default:
                    errors.Add(sheet.Name, 1, null, $"Unknown sheet '{sheet.Name}'; a workbook's sheets are named {string.Join(", ", SheetKinds.All.Select(k => $"'{k.Kind}'"))}.");
                    break;
            }
        }

        var rows = sheets.Sum(s => s.Rows.Count);
        return rows == 0 && errors.Count == 0
            ? throw new UnreadableSpreadsheet("The file holds no rows under its header.")
            : new ImportPlan(registry, issues, submissions, positions, rows, errors);
    }

    /// <summary>
    /// A CSV file's kind, from its header: the one kind whose mark it names (<see cref="SheetColumns.Mark"/>: 'kind', 'description',
    /// 'receivedOn', 'stance'). A header naming none, or the marks of several kinds, cannot be read.
    /// </summary>
    private static string CsvKind(IReadOnlyList<string> header) =>
        SheetKinds.All.Where(k => k.IsMarkedIn(header)).ToList() switch
        {
            [var kind] => kind.Kind,
            [] => throw new UnreadableSpreadsheet(
                $"A CSV file is one sheet, its kind told by one column of its header: {SheetKinds.Describe()}. This header names none of them."),
            var several => throw new UnreadableSpreadsheet(
                $"A CSV file is one sheet, its kind told by one column of its header; this header names {string.Join(" and ", several.Select(k => $"'{k.Mark}' ({k.Kind})"))}. "
                + "Send each kind as its own file, or all of them as the sheets of one workbook."),
        };
}
