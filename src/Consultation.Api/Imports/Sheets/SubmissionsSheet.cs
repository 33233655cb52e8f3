using Consultation.Imports.Reading;
using Consultation.Submissions.Recording;

namespace Consultation.Imports.Sheets;

/// <summary>
/// A submissions sheet: one row per written submission recorded to the import's process, as the submissions batch's items
/// (<see cref="Submissions.Batching.RecordSubmissionsInBatch"/>). The <c>issues</c> cell lists the issues it addresses,
/// separated by ';'.
/// </summary>
public static class SubmissionsSheet
{
    public const string Name = "submissions";

    public static readonly SheetColumns Columns = new(
        Name, "receivedOn", "submission", "from", "onBehalfOf", "receivedOn", "issues", "channel", "title", "documentReference", "link", "language");

    public static IReadOnlyList<PlannedItem<RecordSubmission.Request>> Plan(Sheet sheet, ImportErrors errors)
    {
        var columns = Columns.Match(sheet, errors);
        string? Cell(SheetRow row, string name) => columns.TryGetValue(name, out var written) ? row[written] : null;
        var fieldColumns = Columns.Names.ToDictionary(n => n, n => columns.GetValueOrDefault(n, n));

        var items = new List<PlannedItem<RecordSubmission.Request>>(sheet.Rows.Count);
        foreach (var row in sheet.Rows)
        {
            DateOnly? receivedOn = null;
            if (Cell(row, "receivedOn") is { } receivedText)
            {
                if (!Cells.TryDate(receivedText, out var date))
                {
                    errors.Add(sheet.Name, row.Number, fieldColumns["receivedOn"], $"'receivedOn' {Cells.DateRule}.");
                    continue;
                }

                receivedOn = date;
            }

            string?[]? issues = Cell(row, "issues") is { } listed ? Cells.List(listed) : null;
            items.Add(new(sheet.Name, row.Number, new RecordSubmission.Request(
                Cell(row, "submission"),
                Cell(row, "from"),
                Cell(row, "onBehalfOf"),
                receivedOn,
                issues,
                Cell(row, "channel"),
                Cell(row, "title"),
                Cell(row, "documentReference"),
                Cell(row, "link"),
                Cell(row, "language")), "SubmissionRecorded", null, fieldColumns));
        }

        return items;
    }
}
