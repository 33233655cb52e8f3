using System.Text.Json;

namespace Consultation.Imports.Sheets;

/// <summary>
/// A batch item made from a row: where it came from, and which column a field of the item was read from (a single write's
/// field, as its validator names it, to the sheet's column), so every error names the row and the column.
/// </summary>
public sealed record PlannedItem<T>(string Sheet, int Row, T Item, string Kind, string? RowColumn, IReadOnlyDictionary<string, string> Columns)
{
    /// <summary>The column a validator's property path (<c>Register.Key</c>, <c>Stance</c>) was read from; the row's own column when none matches.</summary>
    public string? ColumnOf(string propertyPath)
    {
        var field = JsonNamingPolicy.CamelCase.ConvertName(propertyPath.Split('.')[^1]);
        return Columns.GetValueOrDefault(field) ?? RowColumn;
    }
}
