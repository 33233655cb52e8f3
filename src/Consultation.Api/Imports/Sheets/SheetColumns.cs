using Consultation.Imports.Reading;

namespace Consultation.Imports.Sheets;

/// <summary>
/// The columns a kind of sheet knows, matched case-insensitively and ignoring spaces, '-' and '_'. Its <see cref="Mark"/> is
/// the column that tells a CSV file of this kind: one its single write requires and no other kind of sheet has.
/// </summary>
public sealed class SheetColumns(string kind, string mark, params string[] columns)
{
    public string Kind { get; } = kind;

    public string Mark { get; } = mark;

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

    /// <summary>Whether a header names this kind's <see cref="Mark"/>.</summary>
    public bool IsMarkedIn(IReadOnlyList<string> header) => header.Any(h => Normal(h) == Normal(Mark));

    private static string Normal(string name) =>
        new([.. name.Where(c => c is not (' ' or '-' or '_')).Select(char.ToLowerInvariant)]);
}
