using System.Text.RegularExpressions;
using Consultation.Infrastructure.Database;
using Consultation.Seeding;

namespace Consultation.Tests.Seeding;

/// <summary>The seed files validate, every fact has a source, and every source agrees with the lines of the statement it cites.</summary>
public sealed partial class SeedFilesTests
{
    private static string Seeds => SeededApiFactory.SeedsDirectory;

    [Fact]
    public void The_seed_files_validate()
    {
        var set = SeedSet.Read(Seeds);
        Assert.True(set.Stakeholders.Count >= 5);
        Assert.Equal(5, set.Areas!.Areas!.Count);
        Assert.Single(set.Meetings);
    }

    [Fact]
    public void Every_fact_in_every_seed_file_has_a_source()
    {
        foreach (var file in SeedSet.FileNames)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Seeds, file)));
            foreach (var (path, fact) in Facts(json.RootElement, file))
            {
                Assert.True(
                    fact.TryGetProperty("source", out var source) && source.GetString() is { Length: > 0 },
                    $"{path} has no 'source'.");
            }
        }
    }

    [Fact]
    public void A_malformed_file_fails_naming_the_file_and_the_item()
    {
        var directory = Directory.CreateTempSubdirectory("seeds-bad-").FullName;
        File.WriteAllText(Path.Combine(directory, SeedSet.StakeholdersFile), """[{"key":"MEX","kind":"MemberState","name":"Mexico","regionalGroup":"LatinAmericanAndCaribbean"}]""");
        var missingSource = Assert.Throws<SeedFileException>(() => SeedSet.Read(directory));
        Assert.EndsWith(SeedSet.StakeholdersFile, missingSource.File);
        Assert.Contains("(MEX)", missingSource.Item);
        Assert.Contains("source", missingSource.Message);

        File.WriteAllText(Path.Combine(directory, SeedSet.StakeholdersFile), """[{"key":"MEX","kind":"MemberState","nmae":"Mexico","source":"x"}]""");
        var unknownField = Assert.Throws<SeedFileException>(() => SeedSet.Read(directory));
        Assert.Contains(SeedSet.StakeholdersFile, unknownField.Message);
        Assert.Contains("[0]", unknownField.Item);
    }

    /// <summary>
    /// Every fact's source cites lines of the statement (<c>L34</c>, <c>L20-L26</c>: line numbers of the file) that exist and
    /// are not blank, or names a public document; and every text it quotes (“…”) stands word for word in a line it cites.
    /// </summary>
    [SkippableFact]
    public void Every_cited_line_exists_and_every_quote_stands_in_a_cited_line()
    {
        var lines = StatementLines();
        var wrong = new List<string>();
        foreach (var (at, source) in Sources())
        {
            var cited = CitedLines(source).ToList();
            if (cited.Count == 0 && !NamesPublicDocument().IsMatch(source))
            {
                wrong.Add($"{at}: cites no line of the statement and no public document: {source}");
            }

            foreach (var n in CitedEnds(source).Where(n => n < 1 || n > lines.Length || string.IsNullOrWhiteSpace(lines[n - 1])))
            {
                wrong.Add($"{at}: L{n} is not a line of the statement with text");
            }

            foreach (var quote in Quote().Matches(source).Select(m => Normalized(m.Groups[1].Value)))
            {
                if (!cited.Any(n => n >= 1 && n <= lines.Length && Normalized(lines[n - 1]).Contains(quote, StringComparison.Ordinal)))
                {
                    wrong.Add($"{at}: “{quote}” is not in {string.Join(", ", cited.Select(n => $"L{n}"))}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    /// <summary>The provenance table of seeds/README.md lists every line of the statement the seeds cite (blank lines inside a range aside), and only those.</summary>
    [SkippableFact]
    public void The_readme_provenance_lists_every_cited_line()
    {
        var lines = StatementLines();
        var cited = Sources().SelectMany(s => CitedLines(s.Source)).Where(n => n <= lines.Length && !string.IsNullOrWhiteSpace(lines[n - 1])).ToHashSet();
        var readme = File.ReadAllLines(Path.Combine(Seeds, "README.md"));
        var listed = readme.SkipWhile(l => !l.StartsWith("## Provenance", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Select(l => ProvenanceRow().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Empty(cited.Except(listed).Order());
        Assert.Empty(listed.Except(cited).Order());
    }

    private static string[] StatementLines()
    {
        var reference = Path.GetFullPath(Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory)!, "..", "shared", "reference", "stocktaking-closing-statement.txt"));
        Skip.IfNot(File.Exists(reference), $"The source document is not beside the repository ({reference}); CI puts a copy of shared/ there.");
        return File.ReadAllLines(reference);
    }

    private static IEnumerable<(string At, string Source)> Sources()
    {
        foreach (var file in SeedSet.FileNames)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Seeds, file)));
            foreach (var (path, fact) in Facts(json.RootElement, file))
            {
                if (fact.TryGetProperty("source", out var source) && source.GetString() is { } text)
                {
                    yield return (path, text);
                }
            }
        }
    }

    private static IEnumerable<int> CitedLines(string source) =>
        LineCitation().Matches(source).SelectMany(m =>
        {
            var from = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var to = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : from;
            return Enumerable.Range(from, Math.Max(1, to - from + 1));
        });

    private static IEnumerable<int> CitedEnds(string source) =>
        LineCitation().Matches(source).SelectMany(m => m.Groups.Values.Skip(1).Where(g => g.Success))
            .Select(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture));

    private static string Normalized(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\bL(\d+)(?:-L(\d+))?\b")]
    private static partial Regex LineCitation();

    [GeneratedRegex("“([^”]+)”")]
    private static partial Regex Quote();

    [GeneratedRegex(@"A/RES/\d+/\d+|DESIGN\.md|UN list of regional groups")]
    private static partial Regex NamesPublicDocument();

    [GeneratedRegex(@"^\|\s*L(\d+)\s*\|")]
    private static partial Regex ProvenanceRow();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>The objects that state facts: array items and the named sections (process, host, close), not venues.</summary>
    private static IEnumerable<(string Path, JsonElement Fact)> Facts(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    yield return ($"{path}[{i}]", item);
                    foreach (var nested in Nested(item, $"{path}[{i}]"))
                    {
                        yield return nested;
                    }
                }

                i++;
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var nested in Nested(element, path))
            {
                yield return nested;
            }
        }
    }

    private static IEnumerable<(string, JsonElement)> Nested(JsonElement item, string path)
    {
        foreach (var property in item.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var fact in Facts(property.Value, at))
                {
                    yield return fact;
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Object && property.Name is "process" or "host" or "close")
            {
                yield return (at, property.Value);
            }
        }
    }
}
