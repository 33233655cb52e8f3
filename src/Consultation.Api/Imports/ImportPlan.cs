using Consultation.Imports.Reading;
using Consultation.Imports.Sheets;
using Consultation.Positions.Batching;
using Consultation.Stakeholders.Batching;

namespace Consultation.Imports;

/// <summary>
/// A file read into the batches' items: the registry's (stakeholders sheet) and the positions' (positions sheet), each
/// item with the row and columns it came from, and what is wrong with the file itself (unknown sheet or column, a cell
/// that is not a date or a number).
/// </summary>
public sealed record ImportPlan(
    IReadOnlyList<PlannedItem<ChangeRegistryInBatch.Item>> Registry,
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
        var positions = new List<PlannedItem<StatePositionsInBatch.Item>>();
        foreach (var sheet in sheets.Where(s => s.Rows.Count > 0 || s.Columns.Count > 0))
        {
            switch (sheet.Name.Trim().ToLowerInvariant())
            {
                case StakeholdersSheet.Name:
                    registry.AddRange(StakeholdersSheet.Plan(sheet, process, errors));
                    break;
                case PositionsSheet.Name:
                    positions.AddRange(PositionsSheet.Plan(sheet, errors));
                    break;
                default:
                    errors.Add(sheet.Name, 1, null, $"Unknown sheet '{sheet.Name}'; a workbook's sheets are named '{StakeholdersSheet.Name}' or '{PositionsSheet.Name}'.");
                    break;
            }
        }

        var rows = sheets.Sum(s => s.Rows.Count);
        return rows == 0 && errors.Count == 0 ? throw new UnreadableSpreadsheet("The file holds no rows under its header.") : new ImportPlan(registry, positions, rows, errors);
    }

    /// <summary>A CSV file's kind, from its header: a positions sheet names a stance, a stakeholders sheet a kind.</summary>
    private static string CsvKind(IReadOnlyList<string> header) =>
        SheetColumns.IsKind(header, "stance") ? PositionsSheet.Name
        : SheetColumns.IsKind(header, "kind") ? StakeholdersSheet.Name
        : throw new UnreadableSpreadsheet("A CSV file's header names its kind: a positions sheet has a 'stance' column, a stakeholders sheet a 'kind' column.");
}
