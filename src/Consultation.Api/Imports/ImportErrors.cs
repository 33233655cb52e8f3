using System.Globalization;

namespace Consultation.Imports;

/// <summary>What is wrong with an import, keyed <c>sheet!row:column</c> (<c>positions!14:stance</c>), or <c>sheet!row</c> when a rule of the record refuses the whole row.</summary>
public sealed class ImportErrors
{
    private readonly SortedDictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;

    public static string Key(string sheet, int row, string? column) =>
        column is null ? $"{sheet}!{row.ToString(CultureInfo.InvariantCulture)}" : $"{sheet}!{row.ToString(CultureInfo.InvariantCulture)}:{column}";

    public void Add(string sheet, int row, string? column, string message)
    {
        var key = Key(sheet, row, column);
        if (!_errors.TryGetValue(key, out var messages))
        {
            _errors[key] = messages = [];
        }

        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
