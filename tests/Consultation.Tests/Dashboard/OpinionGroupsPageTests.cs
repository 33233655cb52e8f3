using System.Text.Json;
using Consultation.Synthetic;
using Consultation.Tests.Support;
using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard;

/// <summary>
/// The opinion-groups page shows what <c>GET /processes/{p}/opinion-groups</c> answers: reachable from the process page,
/// "no structure" on the seeded record's few positions, and a map of planted groups on a synthetic consultation, with its
/// table alternative and accessible basics.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class OpinionGroupsPageTests(DashboardFactory dashboard)
{
    private const string Planted = "opinion-demo";

    private static readonly SemaphoreSlim Writing = new(1, 1);

    /// <summary>A synthetic consultation with two planted opinion groups, written once into the shared server.</summary>
    private async Task PlantedConsultationAsync()
    {
        await Writing.WaitAsync();
        try
        {
            using var api = dashboard.Api();
            if (!(await api.GetAsync($"/processes/{Planted}")).IsSuccessStatusCode)
            {
                var scenario = ScenarioBuilder.Build(new SyntheticOptions(42, Stakeholders: 100, Issues: 60, Meetings: 4, Process: Planted, OpinionGroups: 2));
                await new SyntheticWriter(dashboard.Store).WriteAsync(scenario, SyntheticWriteMode.Sessions, _ => { });
            }
        }
        finally
        {
            Writing.Release();
        }
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        await PageAccessibility.AssertHeadingAndLabelledControlsAsync(page);
        var charts = await PageAccessibility.ChartsAsync(page);
        Assert.Equal(["ok"], charts);
    }

    private static async Task AssertShowsAsync(IPage page, JsonElement api)
    {
        var rows = api.GetProperty("stakeholders").EnumerateArray().ToList();
        Assert.Equal(rows.Count, await page.Locator("tr[data-stakeholder]").CountAsync());
        Assert.Equal(rows.Count, await page.Locator("svg#opinion-map [data-point]").CountAsync());
        foreach (var row in rows.Where((_, i) => i % 7 == 0))
        {
            var key = row.GetProperty("stakeholder").GetString()!;
            Assert.Equal(row.GetProperty("opinionGroup").GetString(), await page.CellAsync("stakeholder", key, "opinion-group"));
            Assert.Equal(row.GetProperty("declaredGroup").GetString() ?? "none", await page.CellAsync("stakeholder", key, "declared"));
            Assert.Equal(row.GetProperty("positions").Text(), await page.CellAsync("stakeholder", key, "positions"));
        }

        Assert.Equal(api.GetProperty("groups").GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture), await page.TextAsync("[data-field='groups']"));
        Assert.Equal(api.GetProperty("structure").GetBoolean() ? "groups" : "none", await page.Locator("[data-field='reason']").GetAttributeAsync("data-structure"));
        Assert.Contains(api.GetProperty("reason").GetString()!, await page.TextAsync("[data-field='reason']"), StringComparison.Ordinal);
        foreach (var group in api.GetProperty("groups").EnumerateArray())
        {
            var label = group.GetProperty("label").GetString()!;
            Assert.Equal(group.GetProperty("size").Text(), await page.TextAsync($"section[data-group='{label}'] [data-field='size']"));
        }

        foreach (var issue in api.GetProperty("issuesAcross").EnumerateArray().Take(5))
        {
            var key = issue.GetProperty("issue").GetString()!;
            Assert.Equal(issue.GetProperty("gicn").Gicn(), await page.CellAsync("issue", key, "gicn"));
            Assert.Equal(issue.GetProperty("levelsDiffer").GetBoolean() ? "yes" : "no", await page.CellAsync("issue", key, "differ"));
        }

        Assert.Equal(api.GetProperty("bridging").GetArrayLength(), await page.Locator("[data-bridging]").CountAsync());
    }

    [Fact]
    public async Task The_process_page_leads_to_the_opinion_groups_which_on_the_seeded_record_say_there_is_no_structure()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"], returnUrl: "/ui/processes/gcm");

        await page.Locator("[data-action='opinion-groups']").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/ui/processes/gcm/opinion-groups", StringComparison.Ordinal));

        var api = await dashboard.Api().GetJsonAsync("/processes/gcm/opinion-groups");
        Assert.False(api.GetProperty("structure").GetBoolean());
        await AssertShowsAsync(page, api);
        Assert.Contains("No structure to show", await page.TextAsync("[data-field='reason']"), StringComparison.Ordinal);
        Assert.Contains("An inference, not a declaration", await page.TextAsync("[data-field='note']"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_consultation_with_planted_groups_is_mapped_compared_with_its_declared_groups_and_replayed_at_a_close()
    {
        await PlantedConsultationAsync();
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"], processes: Planted, returnUrl: $"/ui/processes/{Planted}/opinion-groups");
        await page.WaitForURLAsync(url => url.EndsWith($"/ui/processes/{Planted}/opinion-groups", StringComparison.Ordinal));

        var api = await dashboard.Api().GetJsonAsync($"/processes/{Planted}/opinion-groups");
        Assert.True(api.GetProperty("structure").GetBoolean(), api.GetProperty("reason").GetString());
        await AssertShowsAsync(page, api);
        Assert.Equal(api.GetProperty("declared").GetProperty("groups").GetArrayLength(), await page.Locator("tr[data-declared]").CountAsync());
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync("opinion-groups");

        // Compared with another declared grouping, and on one theme: the page sends the same query.
        await page.GetByLabel("Compare with the declared grouping").SelectOptionAsync("kinds");
        var theme = (await page.Locator("#theme option").AllTextContentsAsync()).First(t => t != "every theme");
        await page.GetByLabel("Issues").SelectOptionAsync(theme);
        await page.Locator("form:has(#grouping) button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("grouping=kinds", StringComparison.Ordinal) && url.Contains("theme=", StringComparison.Ordinal));
        await AssertShowsAsync(page, await dashboard.Api().GetJsonAsync($"/processes/{Planted}/opinion-groups?grouping=kinds&theme={theme}"));
        Assert.Equal("kinds", await page.TextAsync("[data-field='grouping']"));

        // Replayed at a meeting's close (stated timeline): the API's answer for that day, the filters kept.
        var close = (await dashboard.Api().GetJsonAsync($"/processes/{Planted}/convergence/timeline")).GetProperty("points").EnumerateArray().First();
        await page.GetByLabel("Replay at the close of").SelectOptionAsync(close.GetProperty("meeting").GetString()!.Split('/').Last());
        await page.Locator("form:has(#atClose) button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("atClose=", StringComparison.Ordinal) && url.Contains("grouping=kinds", StringComparison.Ordinal));
        var then = await dashboard.Api().GetJsonAsync($"/processes/{Planted}/opinion-groups?grouping=kinds&theme={theme}&statedBy={close.GetProperty("endsOn").GetString()}");
        await AssertShowsAsync(page, then);
    }
}
