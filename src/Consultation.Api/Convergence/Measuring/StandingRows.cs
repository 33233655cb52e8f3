using System.Globalization;
using Consultation.Positions.Views;
using Marten.Services.BatchQuerying;

namespace Consultation.Convergence.Measuring;

/// <summary>
/// The standing rows of some issues of a process at a moment, as the measure reads them: one short line of text per row
/// (issue, stakeholder, stance, stated-on date, conditions), taken from the versions table's own columns and two fields of
/// the document. A process-wide snapshot reads hundreds of thousands of rows: a JSON object built per row by the database
/// and deserialized by Marten cost three times the time of the rows themselves. The filters are those of
/// <see cref="PositionVersionAxes.StandingAt"/>, on the same duplicated columns, written out in SQL.
/// </summary>
public static class StandingRows
{
    private const char Separator = '\u001f';

    public static Func<Task<IReadOnlyList<StandingStance>>> Enlist(
        IBatchedQuery batch, IDocumentStore store, string process, IReadOnlyCollection<string> issues, TimeAxes axes)
    {
        var sql = ConvergenceSql.StandingRows(store);
        var filters = ConvergenceSql.StandingFilters(store);
        var parameters = new List<object> { process, issues.ToArray() };
        if (axes.AsOf is { } at)
        {
            sql += filters.RecordedBy;
            parameters.AddRange([at, at]);
        }
        else
        {
            sql += filters.RecordedNow;
        }

        if (axes.StatedBy is { } on)
        {
            sql += filters.StatedBy;
            parameters.AddRange([on, on]);
        }
        else
        {
            sql += filters.StatedNow;
        }

        var rows = batch.Query<string>(sql, [.. parameters]);
        return async () =>
        {
            // A process-wide read repeats a few hundred issue and stakeholder keys hundreds of thousands of times: one string each.
            var keys = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            return [.. (await rows).Select(line => Parse(line, keys))];
        };
    }

    private static StandingStance Parse(string line, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> keys)
    {
        var rest = line.AsSpan();
        var issue = Next(ref rest);
        var stakeholder = Next(ref rest);
        var stance = Next(ref rest);
        var end = rest.IndexOf(Separator);
        return new StandingStance
        {
            Issue = Key(keys, issue),
            Stakeholder = Key(keys, stakeholder),
            Stance = int.Parse(stance, CultureInfo.InvariantCulture),
            StatedOn = DateOnly.ParseExact(end < 0 ? rest : rest[..end], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Conditions = end < 0 ? null : rest[(end + 2)..].ToString(),
        };
    }

    private static ReadOnlySpan<char> Next(ref ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOf(Separator);
        var field = rest[..end];
        rest = rest[(end + 1)..];
        return field;
    }

    private static string Key(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> keys, ReadOnlySpan<char> text)
    {
        if (!keys.TryGetValue(text, out var key))
        {
            key = text.ToString();
            keys[text] = key;
        }

        return key;
    }
}
