using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard;

/// <summary>Accessible basics on every page: a language, one heading 1, labelled controls, charts with text alternatives, keyboard use.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessibilityTests(DashboardFactory dashboard)
{
    public static TheoryData<string> Pages =>
    [
        "/ui",
        "/ui/processes/gcm",
        "/ui/processes/gcm/issues/human-rights",
        "/ui/processes/gcm/areas/people-rights-and-dignity",
        "/ui/processes/gcm/stakeholders/THA",
        "/ui/processes/gcm/issues/human-rights/positions/THA/history",
        "/ui/processes/gcm/areas/state-sovereignty/history",
        "/ui/processes/gcm/meetings/stocktaking-2017",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_control_is_labelled_and_every_chart_has_a_title_and_a_description(string path)
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("ana", ["auditor"], returnUrl: path);

        await page.WaitForURLAsync(url => url.EndsWith(path, StringComparison.Ordinal));
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await PageAccessibility.AssertHeadingAndLabelledControlsAsync(page);
        var charts = await PageAccessibility.ChartsAsync(page);
        Assert.All(charts, c => Assert.Equal("ok", c));
    }

    [Fact]
    public async Task The_moment_can_be_changed_with_the_keyboard_alone()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"], returnUrl: "/ui/processes/gcm/issues/human-rights");

        await page.WaitForURLAsync(url => url.EndsWith("/issues/human-rights", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("A:Skip to the content", await page.EvaluateAsync<string>("() => document.activeElement.tagName + ':' + document.activeElement.textContent.trim().slice(0, 40)"));
        for (var i = 0; i < 30 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "atClose"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("atClose", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(DashboardStory.SecondMeeting, await page.Locator("#atClose").InputValueAsync());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Show", await FocusedTextAsync(page));
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains($"atClose={DashboardStory.SecondMeeting}", StringComparison.Ordinal));
        Assert.Contains($"What had been said by the close of {DashboardStory.SecondMeetingTitle}", await page.TextAsync("[data-moment]"), StringComparison.Ordinal);
    }

    private static async Task<string> FocusedTextAsync(IPage page) => (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim();

}
