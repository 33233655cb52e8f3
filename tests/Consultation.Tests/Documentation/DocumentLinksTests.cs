using System.Text.RegularExpressions;
using Consultation.Infrastructure.Database;

namespace Consultation.Tests.Documentation;

/// <summary>
/// The README is a front door and its chapters live beside the code: every relative link of every README.md (files and
/// #anchors) and every repository path the workflow's .http file names must lead somewhere, so a moved chapter cannot
/// leave a dead link behind.
/// </summary>
public sealed partial class DocumentLinksTests
{
    private static readonly string Root = RepositoryRoot.Find(AppContext.BaseDirectory)!;

    public static IEnumerable<string> Readmes() =>
        Directory.EnumerateFiles(Root, "README.md", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(Root, path).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" or "node_modules" || part.StartsWith('.')))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void The_root_readme_is_a_front_door_of_at_most_250_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md")).Length;
        Assert.True(lines <= 250, $"README.md has {lines} lines; chapters belong in the READMEs beside the code.");
    }

    [Fact]
    public void Every_relative_link_in_every_readme_leads_to_a_file_and_heading_that_exist()
    {
        var readmes = Readmes().ToList();
        Assert.Contains(readmes, r => r.EndsWith(Path.Combine("src", "Consultation.Api", "README.md"), StringComparison.Ordinal));
        var dead = readmes.SelectMany(DeadLinks).ToList();
        Assert.True(dead.Count == 0, "Dead links:\n" + string.Join('\n', dead));
    }

    [Fact]
    public void Every_path_the_workflow_file_names_exists()
    {
        var text = File.ReadAllText(HttpFileWorkflowTests.WorkflowPath);
        var paths = RepositoryPath().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ')')).Distinct().ToList();
        Assert.NotEmpty(paths);
        var missing = paths.Where(p => !File.Exists(Path.Combine(Root, p)) && !Directory.Exists(Path.Combine(Root, p))).ToList();
        Assert.True(missing.Count == 0, "The .http file names paths that do not exist: " + string.Join(", ", missing));
    }

    [Fact]
    public void A_dead_file_or_anchor_is_found()
    {
        var file = Path.Combine(Path.GetTempPath(), $"links-{Guid.NewGuid():N}", "README.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "# Title\n\n## A `code` heading: here\n\n[ok](#a-code-heading-here) [self](README.md#title) [gone](nowhere.md) [no anchor](#nothing)\n\n```\n[in code](ignored.md)\n```\n");
        try
        {
            var dead = DeadLinks(file).ToList();
            Assert.Equal(2, dead.Count);
            Assert.Contains(dead, d => d.Contains("nowhere.md", StringComparison.Ordinal));
            Assert.Contains(dead, d => d.Contains("#nothing", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    private static IEnumerable<string> DeadLinks(string readme)
    {
        var name = Path.GetRelativePath(Root, readme);
        foreach (var (target, line) in Links(File.ReadAllLines(readme)))
        {
            if (UriScheme().IsMatch(target))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var resolved = path.Length == 0 ? readme : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(readme)!, Uri.UnescapeDataString(path)));
            if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                yield return $"{name}:{line}: {target} (no such file)";
            }
            else if (anchor is not null && !(resolved.EndsWith(".md", StringComparison.Ordinal) && Anchors(File.ReadAllLines(resolved)).Contains(anchor)))
            {
                yield return $"{name}:{line}: {target} (no such heading)";
            }
        }
    }

    private static IEnumerable<(string Target, int Line)> Links(string[] lines)
    {
        var fenced = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (Fence().IsMatch(lines[i]))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced)
            {
                foreach (Match link in Link().Matches(InlineCode().Replace(lines[i], string.Empty)))
                {
                    yield return (link.Groups[1].Value, i + 1);
                }
            }
        }
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered.</summary>
    private static HashSet<string> Anchors(string[] lines)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in lines)
        {
            if (Fence().IsMatch(line))
            {
                fenced = !fenced;
                continue;
            }

            var heading = Heading().Match(line);
            if (fenced || !heading.Success)
            {
                continue;
            }

            var slug = NotInSlug().Replace(heading.Groups[1].Value.Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-');
            var candidate = slug;
            for (var n = 1; !anchors.Add(candidate); n++)
            {
                candidate = $"{slug}-{n}";
            }
        }

        return anchors;
    }

    [GeneratedRegex(@"^\s*(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\(([^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{N}_\- ]")]
    private static partial Regex NotInSlug();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex UriScheme();

    /// <summary>A repository path in the .http file's comments: folders and a file with an extension, or a folder ending in '/'.</summary>
    [GeneratedRegex(@"\b(?:src|tests|seeds|deploy)/[A-Za-z0-9_./-]+")]
    private static partial Regex RepositoryPath();
}
