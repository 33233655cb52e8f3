using Consultation.Imports.Reading;
using Consultation.Positions.Batching;

namespace Consultation.Imports.Sheets;

/// <summary>A positions sheet: one row per position stated, as the positions batch's items (<see cref="StatePositionsInBatch"/>).</summary>
public static class PositionsSheet
{
    public const string Name = "positions";

    public static readonly SheetColumns Columns = new(
        Name, "stance", "issue", "stakeholder", "onBehalfOf", "stance", "summary", "conditions", "quote", "quoteLanguage", "statedOn", "meeting", "statement", "submission", "documentReference");

    public static IReadOnlyList<PlannedItem<StatePositionsInBatch.Item>> Plan(Sheet sheet, ImportErrors errors)
    {
        var columns = Columns.Match(sheet, errors);
        string? Cell(SheetRow row, string name) => columns.TryGetValue(name, out var written) ? row[written] : null;
        var fieldColumns = Columns.Names.ToDictionary(n => n, n => columns.GetValueOrDefault(n, n));

        var items = new List<PlannedItem<StatePositionsInBatch.Item>>(sheet.Rows.Count);
        foreach (var row in sheet.Rows)
        {
            int? stance = null;
            if (Cell(row, "stance") is { } stanceText)
            {
                if (Cells.TryWhole(stanceText, out var whole))
                {
                    stance = whole;
                }
                else
                {
                    errors.Add(sheet.Name, row.Number, fieldColumns["stance"], $"'stance' must be a whole number from -2 to +2; '{stanceText}' is not.");
                    continue;
                }
            }

            DateOnly? statedOn = null;
            if (Cell(row, "statedOn") is { } statedText)
            {
                if (Cells.TryDate(statedText, out var date))
                {
                    statedOn = date;
                }
                else
                {
                    errors.Add(sheet.Name, row.Number, fieldColumns["statedOn"], $"'statedOn' {Cells.DateRule}.");
                    continue;
                }
            }

            items.Add(new(sheet.Name, row.Number, new StatePositionsInBatch.Item
            {
                Issue = Cell(row, "issue"),
                Stakeholder = Cell(row, "stakeholder"),
                OnBehalfOf = Cell(row, "onBehalfOf"),
                Stance = stance,
                Summary = Cell(row, "summary"),
                Conditions = Cell(row, "conditions"),
                Quote = Cell(row, "quote"),
                QuoteLanguage = Cell(row, "quoteLanguage"),
                StatedOn = statedOn,
                Meeting = Cell(row, "meeting"),
                Statement = Cell(row, "statement"),
                Submission = Cell(row, "submission"),
                DocumentReference = Cell(row, "documentReference"),
            }, "PositionStated", null, fieldColumns));
        }

        return items;
    }
}
