namespace Consultation.Tests.Dashboard;

/// <summary>The process overview shows what <c>GET /processes/gcm/convergence</c> measures, and replays it as of a meeting's close.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ProcessPageTests(DashboardFactory dashboard)
{
    [Fact]
    public async Task A_facilitator_sees_the_five_areas_of_convergence_with_the_evidence_the_api_measures()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"], returnUrl: "/ui/processes/gcm", screenshot: "sign-in");
        var api = await dashboard.Api().GetJsonAsync("/processes/gcm/convergence");

        var areas = api.GetProperty("areas").EnumerateArray().ToList();
        Assert.Equal(5, areas.Count);
        Assert.Equal(5, await page.Locator("tr[data-area]").CountAsync());
        foreach (var area in areas)
        {
            var key = area.GetProperty("area").GetString()!;
            Assert.Equal(area.GetProperty("status").GetString(), await page.CellAsync("area", key, "status"));
            Assert.Equal(area.GetProperty("evidenceLevel").GetString(), await page.Locator($"tr[data-area='{key}'] [data-field='evidence'] .level").GetAttributeAsync("data-level"));
            Assert.Equal(area.GetProperty("supportingCount").Text(), await page.CellAsync("area", key, "supporting"));
            Assert.Equal(area.GetProperty("contradictingCount").Text(), await page.CellAsync("area", key, "contradicting"));
            var disagrees = area.GetProperty("claim").GetProperty("disagrees").GetBoolean();
            Assert.Equal(disagrees, (await page.CellAsync("area", key, "claim")).Contains("Disagree", StringComparison.Ordinal));
        }

        Assert.Contains("Disagree", await page.CellAsync("area", "state-sovereignty", "claim"), StringComparison.Ordinal);
        foreach (var issue in api.GetProperty("issues").EnumerateArray())
        {
            var key = issue.GetProperty("issue").GetString()!;
            Assert.Equal(issue.GetProperty("level").GetString(), await page.Locator($"tr[data-issue='{key}'] .level").GetAttributeAsync("data-level"));
            Assert.Equal(issue.GetProperty("gicn").Gicn(), await page.CellAsync("issue", key, "gicn"));
            Assert.Equal(issue.GetProperty("positions").Text(), await page.CellAsync("issue", key, "positions"));
        }

        Assert.Equal(api.GetProperty("totals").GetProperty("positions").Text(), await page.TextAsync("[data-total='positions']"));
        await page.ScreenshotAsync("process-overview");
        await page.ScreenshotAtAsync("process-issues", "#issues");
    }

    [Fact]
    public async Task Replayed_at_the_close_of_the_stocktaking_meeting_the_overview_shows_the_record_as_it_stood_then()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"], returnUrl: "/ui/processes/gcm");

        await page.GetByLabel("Replay at the close of").SelectOptionAsync(DashboardStory.FirstMeeting);
        await page.Locator("form:has(#atClose) button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"atClose={DashboardStory.FirstMeeting}", StringComparison.Ordinal));
        await page.SwitchToRecordedCloseAsync("Stocktaking meeting");

        var api = await dashboard.Api().GetJsonAsync($"/processes/gcm/convergence?asOf={ApiNumbers.AsOf(dashboard.Story.FirstClose)}");
        Assert.Equal("0", api.GetProperty("totals").GetProperty("positions").Text());
        Assert.Equal(api.GetProperty("totals").GetProperty("positions").Text(), await page.TextAsync("[data-total='positions']"));
        Assert.Equal(api.GetProperty("areas").GetArrayLength(), await page.Locator("tr[data-area]").CountAsync());
        Assert.NotEqual("0", (await dashboard.Api().GetJsonAsync("/processes/gcm/convergence")).GetProperty("totals").GetProperty("positions").Text());
    }
}
