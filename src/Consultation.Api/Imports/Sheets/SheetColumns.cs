using Consultation.Imports.Reading;

namespace Consultation.Imports.Sheets;

/// <summary>The columns a kind of sheet knows, matched case-insensitively and ignoring spaces, '-' and '_'.</summary>
public sealed class SheetColumns(string kind, params string[] columns)
{
    public string Kind { get; } = kind;

    public IReadOnlyList<string> Names { get; } = columns;

    /// <summary>The header's column for each known name; an unknown or repeated column is an error keyed <c>sheet!1:column</c>.</summary>
    public IReadOnlyDictionary<string, string> Match(Sheet sheet, ImportErrors errors)
    {
        var matched = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var written in sheet.Columns)
        {
            var known = Names.FirstOrDefault(n => Normal(n) == Normal(written));
            if (known is null)
            {
                errors.Add(sheet.Name, 1, written, $"Unknown column '{written}' in a {Kind} sheet; its columns are: {string.Join(", ", Names)}.");
            }
            else if (!matched.TryAdd(known, written))
            {
                errors.Add(sheet.Name, 1, written, $"The column '{known}' appears twice.");
            }
        }

        return matched;
    }

    /// <summary>Whether a header is of this kind: it names every one of <paramref name="marks"/>.</summary>
    public static bool IsKind(IReadOnlyList<string> header, params string[] marks) =>
        marks.All(m => header.Any(h => Normal(h) == Normal(m)));

    private static string Normal(string name) =>
        new([.. name.Where(c => c is not (' ' or '-' or '_')).Select(char.ToLowerInvariant)]);
}
