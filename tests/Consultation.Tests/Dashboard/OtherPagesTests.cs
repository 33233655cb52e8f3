namespace Consultation.Tests.Dashboard;

/// <summary>The area, stakeholder and history pages show what the API answers.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OtherPagesTests(DashboardFactory dashboard)
{
    [Fact]
    public async Task An_area_page_shows_its_evidence_positions_divergences_and_status_history()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"], returnUrl: "/ui/processes/gcm");

        await page.Locator("tr[data-area='people-rights-and-dignity'] th a").ClickAsync();

        var api = await dashboard.Api().GetJsonAsync("/processes/gcm/areas/people-rights-and-dignity/convergence");
        var evidence = api.GetProperty("evidence");
        Assert.Equal(api.GetProperty("status").GetString(), await page.TextAsync("[data-field='status']"));
        Assert.Equal(evidence.GetProperty("level").GetString(), await page.Locator("[data-field='evidence'] .level").GetAttributeAsync("data-level"));
        Assert.Equal(evidence.GetProperty("supportingCount").Text(), await page.TextAsync("[data-field='supporting']"));
        Assert.Equal(evidence.GetProperty("contradictingCount").Text(), await page.TextAsync("[data-field='contradicting']"));
        foreach (var issue in evidence.GetProperty("issues").EnumerateArray())
        {
            Assert.Equal(issue.GetProperty("gicn").Gicn(), await page.CellAsync("issue", issue.GetProperty("issue").GetString()!, "gicn"));
        }

        Assert.Equal(1, await page.Locator("[data-action='note-divergence']").CountAsync());
        await page.ScreenshotAsync("area");
    }

    [Fact]
    public async Task An_area_page_charts_its_evidence_at_each_meeting_close_as_the_api_measures_it()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"], returnUrl: "/ui/processes/gcm/areas/people-rights-and-dignity");

        var timeline = await dashboard.Api().GetJsonAsync("/processes/gcm/areas/people-rights-and-dignity/convergence/timeline");
        var points = timeline.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([DashboardStory.FirstMeeting, DashboardStory.SecondMeeting], points.Select(p => p.GetProperty("meeting").GetString()!.Split('/').Last()));
        Assert.Equal(points.Count, await page.Locator("#timeline ~ table tr[data-meeting]").CountAsync());
        var description = await page.Locator("#area-timeline-chart-desc").TextContentAsync() ?? string.Empty;
        foreach (var point in points)
        {
            var meeting = point.GetProperty("meeting").GetString()!;
            if (point.GetProperty("status").ValueKind == JsonValueKind.Null)
            {
                Assert.Equal("not yet identified", await page.CellAsync("meeting", meeting, "status"));
                continue;
            }

            Assert.Equal(point.GetProperty("status").GetString(), await page.CellAsync("meeting", meeting, "status"));
            Assert.Equal(point.GetProperty("level").GetString(), await page.Locator($"tr[data-meeting='{meeting}'] [data-field='level'] .level").GetAttributeAsync("data-level"));
            Assert.Equal(point.GetProperty("gicn").Gicn(), await page.CellAsync("meeting", meeting, "gicn"));
            Assert.Equal(point.GetProperty("positions").Text(), await page.CellAsync("meeting", meeting, "positions"));
            Assert.Equal(point.GetProperty("supportingCount").Text(), await page.CellAsync("meeting", meeting, "supporting"));
            Assert.Equal(point.GetProperty("contradictingCount").Text(), await page.CellAsync("meeting", meeting, "contradicting"));
            Assert.Contains($"GICn {point.GetProperty("gicn").Gicn()}", description, StringComparison.Ordinal);
        }

        Assert.Equal("img", await page.Locator("svg#area-timeline-chart, #timeline ~ svg").First.GetAttributeAsync("role"));
        await page.ScreenshotAtAsync("area-timeline", "#timeline");

        Assert.Contains("Now: ", description, StringComparison.Ordinal);

        await page.GetByLabel("Replay at the close of").SelectOptionAsync(DashboardStory.SecondMeeting);
        await page.Locator("form:has(#atClose) button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"atClose={DashboardStory.SecondMeeting}", StringComparison.Ordinal));
        await page.SwitchToRecordedCloseAsync(DashboardStory.SecondMeetingTitle);

        var asOf = ApiNumbers.AsOf(dashboard.Story.SecondClose);
        var now = (await dashboard.Api().GetJsonAsync("/processes/gcm/areas/people-rights-and-dignity/convergence")).GetProperty("evidence");
        var then = (await dashboard.Api().GetJsonAsync($"/processes/gcm/areas/people-rights-and-dignity/convergence?asOf={asOf}")).GetProperty("evidence");
        Assert.NotEqual(now.GetProperty("contradictingCount").Text(), then.GetProperty("contradictingCount").Text());
        Assert.Equal(then.GetProperty("contradictingCount").Text(), await page.TextAsync("ul.facts [data-field='contradicting']"));
        var closes = (await dashboard.Api().GetJsonAsync($"/processes/gcm/areas/people-rights-and-dignity/convergence/timeline?asOf={asOf}")).GetProperty("points");
        Assert.Equal(closes.GetArrayLength(), await page.Locator("#timeline ~ table tr[data-meeting]").CountAsync());
        Assert.DoesNotContain("Now: ", await page.Locator("#area-timeline-chart-desc").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stakeholder_page_shows_its_positions_and_its_shift_with_the_reason()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"], returnUrl: "/ui/processes/gcm/stakeholders/THA");

        var api = await dashboard.Api().GetJsonAsync("/processes/gcm/stakeholders/THA/positions");
        Assert.Equal(api.GetArrayLength(), await page.Locator("tr[data-issue]").CountAsync());
        Assert.Equal("-2 Opposes", await page.CellAsync("issue", "human-rights", "stance"));
        Assert.Contains("New instructions from the capital", await page.TextAsync("tr[data-shift='human-rights']"), StringComparison.Ordinal);
        await page.ScreenshotAsync("stakeholder");
    }

    [Fact]
    public async Task A_stakeholder_page_lists_the_meetings_attended_as_of_the_moment_shown()
    {
        const string Meeting = $"{DashboardStory.Process}/{DashboardStory.SecondMeeting}";
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"], returnUrl: "/ui/processes/gcm/stakeholders/THA");
        using var api = dashboard.Api();

        var now = await api.GetJsonAsync("/stakeholders/THA/meetings?process=gcm");
        Assert.Contains(Meeting, now.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("meeting").GetString()));
        Assert.Equal(now.GetProperty("items").GetArrayLength(), await page.Locator("tr[data-meeting]").CountAsync());
        Assert.Equal("Closed", await page.CellAsync("meeting", Meeting, "status"));

        await page.GetByLabel("Replay at the close of").SelectOptionAsync(DashboardStory.FirstMeeting);
        await page.Locator("form:has(#atClose) button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"atClose={DashboardStory.FirstMeeting}", StringComparison.Ordinal));
        await page.SwitchToRecordedCloseAsync("Stocktaking meeting");

        var then = await api.GetJsonAsync($"/stakeholders/THA/meetings?process=gcm&asOf={ApiNumbers.AsOf(dashboard.Story.FirstClose)}");
        Assert.DoesNotContain(Meeting, then.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("meeting").GetString()));
        Assert.Equal(0, await page.Locator($"tr[data-meeting='{Meeting}']").CountAsync());
        Assert.Equal(then.GetProperty("items").GetArrayLength(), await page.Locator("tr[data-meeting]").CountAsync());
    }

    [Fact]
    public async Task An_auditor_reads_who_changed_an_area_and_when()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("ana", ["auditor"], returnUrl: "/ui/processes/gcm/areas/state-sovereignty/history");

        Assert.Equal("Identified", await page.TextAsync("tr[data-version='1'] [data-field='kind']"));
        Assert.Equal("seed-loader", await page.TextAsync("tr[data-version='1'] [data-field='by']"));
        Assert.Equal("Affirmed", await page.TextAsync("tr[data-version='2'] [data-field='kind']"));
        Assert.Equal("tester", await page.TextAsync("tr[data-version='2'] [data-field='by']"));
        Assert.Equal(0, await page.Locator("[data-action]").CountAsync());
    }

    [Fact]
    public async Task An_unknown_issue_is_a_404_page_that_says_what_is_missing()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"]);

        var response = await page.GotoAsync("/ui/processes/gcm/issues/no-such-issue");

        Assert.Equal(404, response!.Status);
        Assert.Contains("no-such-issue", await page.TextAsync("[role='alert']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_page_lists_only_the_processes_the_user_works_on()
    {
        using var api = dashboard.Api();
        if (!(await api.GetAsync("/processes/dashboard-other")).IsSuccessStatusCode)
        {
            await new Secretariat(api).LaunchProcessAsync("dashboard-other");
        }

        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"]);

        Assert.EndsWith("/ui", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("tr[data-process='gcm']").CountAsync());
        Assert.Equal(0, await page.Locator("tr[data-process='dashboard-other']").CountAsync());
        await page.Locator("tr[data-process='gcm'] a").ClickAsync();
        Assert.EndsWith("/ui/processes/gcm", page.Url, StringComparison.Ordinal);
    }
}
