using Consultation.Infrastructure.Http;
using Consultation.Processes;

namespace Consultation.Tests.Processes;

/// <summary>
/// An issue has a short title (how it is listed, one line of at most 300 characters) and its full text: a long, multi-line
/// comment becomes an issue as it was submitted, line breaks and all, and reads back whole.
/// </summary>
public sealed class IssueTextTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ProcessClient _processes = new(api.CreateClient());

    /// <summary>A comment as importers meet them: paragraphs, a list, well past the old 4,000 characters.</summary>
    private static readonly string LongComment = string.Join("\r\n\r\n", Enumerable.Range(1, 60).Select(i =>
        $"Paragraph {i}. States should ensure that migrants in vulnerable situations have access to basic services,\n- whatever their status;\n- in a language they understand."));

    [Fact]
    public async Task A_long_multi_line_text_is_tabled_as_the_description_and_read_back_whole()
    {
        Assert.InRange(LongComment.Length, 8_000, TextRulesFullText);
        await _processes.LaunchAsync("long-texts");

        await _processes.UpdateAsync("long-texts", "/issues", new { issue = "basic-services", title = "Access to basic services", description = LongComment });

        var issue = await (await _processes.Http.GetAsync("/processes/long-texts/issues/basic-services")).ReadAsync<IssueDetails>();
        Assert.Equal(LongComment, issue.Description);
        var listed = await (await _processes.Http.GetAsync("/processes/long-texts/issues?search=Paragraph%2060")).ReadAsync<Page<IssueDetails>>();
        Assert.Equal("basic-services", Assert.Single(listed.Items).Key);

        var redescribed = LongComment + "\n\nParagraph 61. Added at the second reading.";
        await _processes.UpdateAsync("long-texts", "/issues/basic-services/redescribe", new { description = redescribed, reason = "Second reading" });
        Assert.Equal(redescribed, (await (await _processes.Http.GetAsync("/processes/long-texts/issues/basic-services")).ReadAsync<IssueDetails>()).Description);
    }

    [Fact]
    public async Task A_title_too_long_or_on_several_lines_is_refused_saying_where_the_full_text_goes()
    {
        await _processes.LaunchAsync("long-titles");
        var before = await api.CountEventsAsync();

        var tooLong = await (await _processes.TryUpdateAsync("long-titles", "/issues", new { issue = "long", title = new string('t', 301), description = "d" })).AssertProblemAsync(400);
        var error = Assert.Single(tooLong.ErrorsFor("title"));
        Assert.Contains("at most 300 characters (this one has 301)", error, StringComparison.Ordinal);
        Assert.Contains("put the full text in 'description'", error, StringComparison.Ordinal);

        var lines = await (await _processes.TryUpdateAsync("long-titles", "/issues", new { issue = "lines", title = "First line\nsecond line", description = "d" })).AssertProblemAsync(400);
        Assert.Contains("put the full text, with its line breaks, in 'description'", Assert.Single(lines.ErrorsFor("title")), StringComparison.Ordinal);

        await _processes.TableIssueAsync("long-titles", "retitled");
        var retitled = await (await _processes.TryUpdateAsync("long-titles", "/issues/retitled/retitle", new { title = new string('t', 301), reason = "r" })).AssertProblemAsync(400);
        Assert.Contains("put the full text in 'description'", Assert.Single(retitled.ErrorsFor("title")), StringComparison.Ordinal);
        Assert.Equal(before + 1, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_text_past_twenty_thousand_characters_is_refused_and_nothing_is_written()
    {
        await _processes.LaunchAsync("too-long-texts");
        var before = await api.CountEventsAsync();

        var problem = await (await _processes.TryUpdateAsync("too-long-texts", "/issues", new { issue = "huge", title = "Huge", description = new string('d', TextRulesFullText + 1) }))
            .AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor("description"));
        Assert.Equal(before, await api.CountEventsAsync());
    }

    private const int TextRulesFullText = Consultation.Infrastructure.Validation.TextRules.FullTextMaxLength;
}
