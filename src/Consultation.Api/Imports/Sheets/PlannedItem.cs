using System.Text.Json;

namespace Consultation.Imports.Sheets;

/// <summary>
/// A batch item made from a row: where it came from, and which column a field of the item was read from (a single write's
/// field, as its validator names it, to the sheet's column), so every error names the row and the column.
/// </summary>
public sealed record PlannedItem<T>(string Sheet, int Row, T Item, string Kind, string? RowColumn, IReadOnlyDictionary<string, string> Columns)
{
    /// <summary>
    /// The column a validator's property path (<c>Register.Key</c>, <c>Stance</c>, <c>Issues[1]</c>: an entry of a listing
    /// cell) was read from; the row's own column when none matches.
    /// </summary>
    public string? ColumnOf(string propertyPath)
    {
        var last = propertyPath.Split('.')[^1];
        var field = JsonNamingPolicy.CamelCase.ConvertName(last.IndexOf('[') is var bracket and > 0 ? last[..bracket] : last);
        return Columns.GetValueOrDefault(field) ?? RowColumn;
    }
}
