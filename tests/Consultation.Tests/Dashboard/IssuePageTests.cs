using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard;

/// <summary>An issue page shows what the API measures for the issue, replays it at an earlier meeting, and lists its positions.</summary>
[Collection(DashboardCollection.Name)]
public sealed class IssuePageTests(DashboardFactory dashboard)
{
    private const string Issue = "human-rights";

    [Fact]
    public async Task Drilling_into_an_issue_shows_the_measure_the_api_gives()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"], returnUrl: "/ui/processes/gcm");

        await page.Locator($"tr[data-issue='{Issue}'] th a").ClickAsync();

        Assert.EndsWith($"/ui/processes/gcm/issues/{Issue}", page.Url, StringComparison.Ordinal);
        var api = await dashboard.Api().GetJsonAsync($"/processes/gcm/issues/{Issue}/convergence");
        await AssertShowsAsync(page, api.GetProperty("measure"));
        var issue = await dashboard.Api().GetJsonAsync($"/processes/gcm/issues/{Issue}");
        Assert.Equal(issue.GetProperty("description").GetString(), await page.TextAsync("[data-field='description']"));
        var timeline = await dashboard.Api().GetJsonAsync($"/processes/gcm/issues/{Issue}/convergence/timeline");
        foreach (var point in timeline.GetProperty("points").EnumerateArray())
        {
            var meeting = point.GetProperty("meeting").GetString()!;
            Assert.Equal(point.GetProperty("gicn").Gicn(), await page.CellAsync("meeting", meeting, "gicn"));
            Assert.Equal(point.GetProperty("positions").Text(), await page.CellAsync("meeting", meeting, "positions"));
        }

        await page.ScreenshotAsync("issue");
        await page.ScreenshotAtAsync("issue-groups-and-timeline", "#groups");
    }

    [Fact]
    public async Task A_facilitator_compares_the_measure_across_another_grouping_beside_the_process_s_own()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"], returnUrl: $"/ui/processes/gcm/issues/{Issue}");
        Assert.Equal("regional-groups", await page.TextAsync("[data-field='grouping']"));

        await page.GetByLabel("Measure also across").SelectOptionAsync("kinds");
        await page.Locator("form:has(#compare) button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("compare=kinds", StringComparison.Ordinal));

        var own = (await dashboard.Api().GetJsonAsync($"/processes/gcm/issues/{Issue}/convergence")).GetProperty("measure");
        var byKind = (await dashboard.Api().GetJsonAsync($"/processes/gcm/issues/{Issue}/convergence?grouping=kinds")).GetProperty("measure");
        Assert.Equal("kinds", byKind.GetProperty("grouping").GetString());
        Assert.Equal(own.GetProperty("gicn").Gicn(), await page.TextAsync("[data-field='gicn']"));
        Assert.Equal(byKind.GetProperty("gicn").Gicn(), await page.TextAsync("[data-field='compared-gicn']"));
        Assert.Equal(byKind.GetProperty("groups").GetArrayLength(), await page.Locator("[data-compared-group]").CountAsync());
        await page.ScreenshotAtAsync("issue-compared-across-kinds", "#compare-heading");
    }

    [Fact]
    public async Task Replaying_the_issue_at_the_close_of_an_earlier_meeting_shows_the_numbers_of_then_and_says_so()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"], returnUrl: $"/ui/processes/gcm/issues/{Issue}");
        var now = (await dashboard.Api().GetJsonAsync($"/processes/gcm/issues/{Issue}/convergence")).GetProperty("measure");

        await page.GetByLabel("Replay at the close of").SelectOptionAsync(DashboardStory.SecondMeeting);
        await page.Locator("form:has(#atClose) button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"atClose={DashboardStory.SecondMeeting}", StringComparison.Ordinal));
        await page.SwitchToRecordedCloseAsync(DashboardStory.SecondMeetingTitle);

        var then = (await dashboard.Api().GetJsonAsync($"/processes/gcm/issues/{Issue}/convergence?asOf={ApiNumbers.AsOf(dashboard.Story.SecondClose)}")).GetProperty("measure");
        Assert.NotEqual(now.GetProperty("gicn").Gicn(), then.GetProperty("gicn").Gicn());
        await AssertShowsAsync(page, then);
        await page.ScreenshotAsync("issue-at-first-round");

        await page.GetByLabel("or at the end of the day (UTC)").FillAsync("2017-12-31");
        await page.Locator("form:has(#on) button").ClickAsync();
        Assert.Contains("As the record stood at the end of 2017-12-31", await page.TextAsync("[data-moment]"), StringComparison.Ordinal);
        Assert.Equal("0", await page.TextAsync("[data-field='positions']"));
    }

    [Fact]
    public async Task The_issue_can_be_shown_as_stated_by_a_day_and_the_banner_says_which_timeline()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"], returnUrl: $"/ui/processes/gcm/issues/{Issue}");
        var now = (await dashboard.Api().GetJsonAsync($"/processes/gcm/issues/{Issue}/convergence")).GetProperty("measure");

        // THA revised its stance to −2 stating it on 2018-02-21: by the 20th it had stated +1.
        await page.GetByLabel("or at the end of the day (UTC)").FillAsync("2018-02-20");
        await page.GetByLabel("on the timeline").SelectOptionAsync("stated");
        await page.Locator("form:has(#on) button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("timeline=stated", StringComparison.Ordinal));

        var stated = (await dashboard.Api().GetJsonAsync($"/processes/gcm/issues/{Issue}/convergence?statedBy=2018-02-20")).GetProperty("measure");
        Assert.Equal("StatedBy", await page.Locator("[data-moment]").GetAttributeAsync("data-moment"));
        Assert.Contains("As stakeholders had stated it by the end of 2018-02-20", await page.TextAsync("[data-moment]"), StringComparison.Ordinal);
        Assert.NotEqual(now.GetProperty("gicn").Gicn(), stated.GetProperty("gicn").Gicn());
        await AssertShowsAsync(page, stated);
        Assert.Equal("+1 Supports", await page.CellAsync("stakeholder", "THA", "stance"));
        Assert.Equal(1, await page.Locator("[data-field='timeline-axis']").CountAsync());
        await page.ScreenshotAsync("issue-as-stated");

        await page.GetByLabel("Regional group").SelectOptionAsync("AsiaPacific");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Filter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("regionalGroup=AsiaPacific", StringComparison.Ordinal));
        Assert.Contains("timeline=stated", page.Url, StringComparison.Ordinal);
        Assert.Equal("+1 Supports", await page.CellAsync("stakeholder", "THA", "stance"));

        await page.GetByLabel("or at the end of the day (UTC)").FillAsync("2018-02-20");
        await page.GetByLabel("on the timeline").SelectOptionAsync("recorded");
        await page.Locator("form:has(#on) button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("timeline=recorded", StringComparison.Ordinal));
        Assert.Equal("EndOfDay", await page.Locator("[data-moment]").GetAttributeAsync("data-moment"));
    }

    [Fact]
    public async Task A_page_that_answers_only_on_recorded_time_refuses_the_stated_timeline_with_the_reason()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"]);

        var response = await page.GotoAsync("/ui/processes/gcm/areas/people-rights-and-dignity/history?on=2018-02-20&timeline=stated");

        Assert.Equal(400, response!.Status);
        Assert.Contains("recorded time only", await page.TextAsync("[role='alert']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_positions_table_filters_by_regional_group_and_links_each_position_to_its_history()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("ana", ["auditor"], returnUrl: $"/ui/processes/gcm/issues/{Issue}");

        await page.GetByLabel("Regional group").SelectOptionAsync("African");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Filter" }).ClickAsync();

        var api = await dashboard.Api().GetJsonAsync($"/processes/gcm/issues/{Issue}/positions?regionalGroup=African");
        Assert.Equal(api.GetProperty("totalItems").Text(), await page.TextAsync("[data-field='matching']"));
        Assert.Equal(api.GetProperty("items").GetArrayLength(), await page.Locator("tr[data-stakeholder]").CountAsync());
        Assert.Equal(0, await page.Locator("tr[data-stakeholder='MEX']").CountAsync());

        await page.Locator("tr[data-stakeholder='SLE'] a", new PageLocatorOptions { HasText = "history" }).ClickAsync();
        Assert.EndsWith($"/issues/{Issue}/positions/SLE/history", page.Url, StringComparison.Ordinal);
        Assert.Equal("Stated", await page.TextAsync("tr[data-version='1'] [data-field='kind']"));
        Assert.Equal("tester", await page.TextAsync("tr[data-version='1'] [data-field='by']"));
    }

    [Fact]
    public async Task Recording_a_position_is_offered_to_the_secretariat_and_not_to_an_auditor()
    {
        var secretariat = await dashboard.NewPageAsync();
        await secretariat.SignInAsync("sam", ["secretariat"], returnUrl: $"/ui/processes/gcm/issues/{Issue}");
        var auditor = await dashboard.NewPageAsync();
        await auditor.SignInAsync("ana", ["auditor"], returnUrl: $"/ui/processes/gcm/issues/{Issue}");

        Assert.Equal(1, await secretariat.Locator("[data-action='record-position']").CountAsync());
        Assert.Contains("Record a position", await secretariat.TextAsync("[data-action='record-position']"), StringComparison.Ordinal);
        Assert.Equal(0, await auditor.Locator("[data-action='record-position']").CountAsync());
        Assert.Equal(await secretariat.TextAsync("[data-field='gicn']"), await auditor.TextAsync("[data-field='gicn']"));
    }

    private static async Task AssertShowsAsync(IPage page, JsonElement measure)
    {
        Assert.Equal(measure.GetProperty("level").GetString(), await page.Locator("[data-field='level'] .level").First.GetAttributeAsync("data-level"));
        Assert.Equal(measure.GetProperty("gicn").Gicn(), await page.TextAsync("[data-field='gicn']"));
        Assert.Equal(measure.GetProperty("gic").Gicn(), await page.TextAsync("[data-field='gic']"));
        Assert.Equal(measure.GetProperty("positions").Text(), await page.TextAsync("[data-field='positions']"));
        Assert.Equal(measure.GetProperty("supportShare").Share(), await page.TextAsync("[data-field='support']"));
        Assert.Equal(measure.GetProperty("oppositionShare").Share(), await page.TextAsync("[data-field='opposition']"));
        Assert.Equal(measure.GetProperty("weakestGroup").GetProperty("group").GetString(), await page.TextAsync("[data-field='weakest']"));
        var counts = measure.GetProperty("counts");
        foreach (var (stance, field) in new[] { (2, "stronglySupports"), (1, "supports"), (0, "neutral"), (-1, "hasReservations"), (-2, "opposes") })
        {
            Assert.Equal(counts.GetProperty(field).Text(), await page.CellAsync("stance", stance.ToString(System.Globalization.CultureInfo.InvariantCulture), "count"));
        }

        foreach (var group in measure.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("positions").GetInt32() > 0))
        {
            Assert.Equal(group.GetProperty("p").Gicn(), await page.CellAsync("group", group.GetProperty("group").GetString()!, "p"));
        }
    }
}
