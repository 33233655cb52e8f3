namespace Consultation.Imports.Reading;

/// <summary>One sheet of an uploaded workbook (or a whole CSV file): its name, its header as written and its rows.</summary>
/// <param name="Name">The sheet's name as the workbook spells it (a CSV file's is its kind, found from its header).</param>
/// <param name="Columns">The header's names as written, in order.</param>
/// <param name="Rows">The rows under the header that hold anything, numbered as the spreadsheet numbers them (the header is row 1).</param>
public sealed record Sheet(string Name, IReadOnlyList<string> Columns, IReadOnlyList<SheetRow> Rows);

/// <summary>A row: its number in the spreadsheet and each column's text (trimmed; null when the cell is empty), by the header's name.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string?> Cells)
{
    /// <summary>The cell under <paramref name="column"/>, null when it is empty or the sheet has no such column.</summary>
    public string? this[string column] => Cells.GetValueOrDefault(column);
}

/// <summary>The file cannot be read as a spreadsheet of the kinds this import knows (HTTP 400, nothing written).</summary>
public sealed class UnreadableSpreadsheet(string message) : Exception(message);

/// <summary>The file exceeds one of the import's limits (HTTP 413, nothing written); the message names the limit.</summary>
public sealed class SpreadsheetTooLarge(string message) : Exception(message);
