namespace Consultation.Tests.Dashboard;

/// <summary>The meeting page: agenda, participants, statements (corrections and withdrawals marked), findings, recommendations, summary, positions stated there.</summary>
[Collection(DashboardCollection.Name)]
public sealed class MeetingPageTests(DashboardFactory dashboard)
{
    [Fact]
    public async Task The_seeded_meeting_page_shows_what_the_api_records_and_the_positions_stated_there()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("ana", ["auditor"], returnUrl: "/ui/processes/gcm");

        await page.Locator($"tr[data-meeting='{DashboardStory.FirstMeeting}'] th a").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/ui/processes/gcm/meetings/{DashboardStory.FirstMeeting}", StringComparison.Ordinal));

        var api = await dashboard.Api().GetJsonAsync($"/processes/gcm/meetings/{DashboardStory.FirstMeeting}");
        Assert.Equal(api.GetProperty("title").GetString(), await page.TextAsync("h1"));
        Assert.Equal(api.GetProperty("participants").GetArrayLength(), await page.Locator("tr[data-participant]").CountAsync());
        Assert.Equal(api.GetProperty("statements").GetArrayLength(), await page.Locator("tr[data-statement]").CountAsync());
        Assert.Equal(api.GetProperty("findings").GetArrayLength(), await page.Locator("tr[data-finding]").CountAsync());
        Assert.Equal(api.GetProperty("recommendations").GetArrayLength(), await page.Locator("li[data-recommendation]").CountAsync());
        Assert.True(api.GetProperty("statements").GetArrayLength() > 0 && api.GetProperty("findings").GetArrayLength() > 0);
        var statement = api.GetProperty("statements")[0];
        Assert.Contains(statement.GetProperty("summary").GetString()!, await page.TextAsync($"tr[data-statement='{statement.GetProperty("id").GetString()}']"), StringComparison.Ordinal);
        Assert.Equal(api.GetProperty("summary").GetString(), await page.TextAsync("[data-field='summary']"));

        // The story states 17 positions at the stocktaking meeting; THA's revision on human-rights was stated at the first round.
        Assert.Equal(17, await page.Locator("tr[data-position]").CountAsync());
        Assert.Equal("+1 Supports", await page.TextAsync("tr[data-position='human-rights/THA'] [data-field='stance']"));
        await page.GotoAsync($"{dashboard.BaseAddress}ui/processes/gcm/meetings/{DashboardStory.SecondMeeting}");
        Assert.Equal("-2 Opposes", await page.TextAsync("tr[data-position='human-rights/THA'] [data-field='stance']"));
        Assert.Equal(1, await page.Locator("tr[data-position]").CountAsync());
        await page.ScreenshotAsync("meeting");
    }

    [Fact]
    public async Task A_meeting_page_shows_the_agenda_and_marks_corrected_and_withdrawn_statements()
    {
        var secretariat = new Secretariat(dashboard.Api());
        var (process, meeting) = await secretariat.OpenStocktakingAsync("regular-pathways");
        await secretariat.UpdateOkAsync(meeting, "agenda", new { items = new[] { new { title = "Opening of the meeting" }, new { title = "Regular pathways" } } });
        await secretariat.UpdateOkAsync(meeting, "agenda", new { items = new[] { new { title = "Opening of the meeting" }, new { title = "Regular pathways" }, new { title = "Idea labs" } }, reason = "Idea labs added" });
        foreach (var summary in new[] { "Called for regular pathways.", "Said it twice." })
        {
            await secretariat.UpdateOkAsync(meeting, "statements", new { speaker = "MEX", issues = new[] { "regular-pathways" }, summary, language = "es", saidOn = "2017-12-04" });
        }

        await secretariat.UpdateOkAsync(meeting, "statements/s1/correct", new { summary = "Called for more regular pathways.", reason = "Misheard" });
        await secretariat.UpdateOkAsync(meeting, "statements/s2/withdraw", new { reason = "Recorded twice" });

        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("ana", ["auditor"], processes: process, returnUrl: $"/ui/processes/{process}/meetings/stocktaking-2017");

        Assert.Equal(3, await page.Locator("[data-field='agenda'] li").CountAsync());
        Assert.Contains("Idea labs added", await page.TextAsync("[data-field='agenda-history']"), StringComparison.Ordinal);
        Assert.Contains("Corrected 1 time(s)", await page.TextAsync("tr[data-statement='s1'] [data-field='record']"), StringComparison.Ordinal);
        Assert.Contains("Called for more regular pathways.", await page.TextAsync("tr[data-statement='s1']"), StringComparison.Ordinal);
        Assert.Contains("Withdrawn", await page.TextAsync("tr[data-statement='s2'] [data-field='record']"), StringComparison.Ordinal);
        Assert.Contains("Recorded twice", await page.TextAsync("tr[data-statement='s2'] [data-field='record']"), StringComparison.Ordinal);
    }
}
