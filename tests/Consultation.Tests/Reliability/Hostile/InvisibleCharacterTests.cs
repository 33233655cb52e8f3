namespace Consultation.Tests.Reliability.Hostile;

/// <summary>
/// Text that would display other than it is stored (bidirectional overrides and isolates) and Unicode noncharacters are
/// refused with a message naming them; the right-to-left mark that mixed Arabic and Latin text needs is accepted.
/// </summary>
public sealed class InvisibleCharacterTests(ReliabilityApiFactory api) : IClassFixture<ReliabilityApiFactory>
{
    [Theory]
    [InlineData("Supports \u202Esesoppo")]
    [InlineData("Isolated \u2066text\u2069")]
    [InlineData("Not a character \uFFFF")]
    [InlineData("Not a character \uFDD0 either")]
    public async Task A_name_with_a_bidirectional_override_or_a_noncharacter_is_refused_400(string name)
    {
        var response = await api.CreateClient().PostJsonAsync("/stakeholders", new { key = $"inv-{Guid.NewGuid():N}"[..20], kind = "CivilSociety", name });

        var problem = await response.AssertProblemAsync(400);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("name").EnumerateArray()).GetString();
        Assert.Contains("bidirectional", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Zero\u200Bwidth space")]
    [InlineData("Word\u2060joiner")]
    [InlineData("\uFEFFByte order mark")]
    [InlineData("Soft\u00ADhyphen")]
    public async Task A_name_with_an_invisible_formatting_character_is_refused_400(string name)
    {
        var response = await api.CreateClient().PostJsonAsync("/stakeholders", new { key = $"fmt-{Guid.NewGuid():N}"[..20], kind = "CivilSociety", name });

        var problem = await response.AssertProblemAsync(400);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("name").EnumerateArray()).GetString();
        Assert.Contains("category Cf", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_a_zero_width_non_joiner_as_persian_writes_it_is_accepted()
    {
        var response = await api.CreateClient().PostJsonAsync("/stakeholders", new { key = $"zwnj-{Guid.NewGuid():N}"[..20], kind = "CivilSociety", name = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645" });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_name_with_a_right_to_left_mark_is_accepted()
    {
        var response = await api.CreateClient().PostJsonAsync("/stakeholders", new { key = $"rlm-{Guid.NewGuid():N}"[..20], kind = "CivilSociety", name = "\u0627\u0644\u0647\u062C\u0631\u0629\u200F (IOM)" });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
