using System.Text.Json;
using System.Text.RegularExpressions;
using Consultation.Infrastructure.Database;
using Consultation.Infrastructure.Seeding;

namespace Consultation.Tests.Seeding;

/// <summary>The seed files validate, every fact has a source, and a sample of facts matches the paragraph it cites.</summary>
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

    /// <summary>For each sampled fact citing ¶N, the reference file's N-th non-empty line holds its key terms.</summary>
    [SkippableTheory]
    [InlineData("meetings.json", "Average age of an international migrant", "39")]
    [InlineData("meetings.json", "small share of the world's population", "5%")]
    [InlineData("meetings.json", "presentedBy\": \"THA", "Thailand")]
    [InlineData("meetings.json", "presentedBy\": \"ECU", "Ecuador")]
    [InlineData("meetings.json", "presentedBy\": \"SLE", "Sierra Leone")]
    [InlineData("meetings.json", "Police officers", "police officers", "first responders")]
    [InlineData("meetings.json", "Community activists", "community activists", "hate speech")]
    [InlineData("meetings.json", "Be ready to compromise", "compromise")]
    [InlineData("stakeholders.json", "host of the stocktaking meeting", "Puerto Vallarta", "Mexico")]
    [InlineData("areas.json", "rejecting-business-as-usual", "business as usual")]
    [InlineData("areas.json", "credible-follow-up", "follow-up mechanism")]
    [InlineData("areas.json", "\"state-sovereignty\", \"title\"", "sovereignty")]
    [InlineData("process.json", "identity-documents", "identity")]
    public void A_seeded_fact_matches_the_paragraph_it_cites(string file, string marker, params string[] terms)
    {
        var reference = Path.GetFullPath(Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory)!, "..", "shared", "reference", "stocktaking-closing-statement.txt"));
        Skip.IfNot(File.Exists(reference), $"The source document is not beside the repository ({reference}); CI puts a copy of shared/ there.");
        var paragraphs = File.ReadAllLines(reference).Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();

        var line = File.ReadAllLines(Path.Combine(Seeds, file)).FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(line is not null, $"No line of {file} contains '{marker}'.");
        var cited = Paragraph().Match(line!);
        Assert.True(cited.Success, $"The fact '{marker}' in {file} cites no ¶N: {line}");
        var n = int.Parse(cited.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var term in terms)
        {
            Assert.True(paragraphs[n - 1].Contains(term, StringComparison.OrdinalIgnoreCase), $"¶{n} (cited by '{marker}' in {file}) does not mention '{term}': {paragraphs[n - 1]}");
        }
    }

    [GeneratedRegex("¶(\\d+)")]
    private static partial Regex Paragraph();

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
