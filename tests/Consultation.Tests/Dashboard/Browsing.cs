using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard;

/// <summary>What a person does in the browser: sign in through the development sign-in page, read what a page shows, keep a screenshot.</summary>
public static class Browsing
{
    /// <summary>Where screenshots go: <c>CONSULTATION_SCREENSHOTS</c>, or a folder under the temporary directory.</summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("CONSULTATION_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "consultation-dashboard-screenshots");

    public static async Task SignInAsync(this IPage page, string user, string[] roles, string processes = "gcm", string? returnUrl = null, string? screenshot = null)
    {
        await page.GotoAsync("/ui/sign-in" + (returnUrl is null ? string.Empty : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        await page.GetByLabel("User id").FillAsync(user);
        await page.GetByLabel("Display name").FillAsync($"{char.ToUpperInvariant(user[0])}{user[1..]} (test)");
        foreach (var role in roles)
        {
            await page.GetByLabel(char.ToUpperInvariant(role[0]) + role[1..], new PageGetByLabelOptions { Exact = false }).First.CheckAsync();
        }

        await page.GetByLabel("Processes").FillAsync(processes);
        if (screenshot is not null)
        {
            await page.ScreenshotAsync(screenshot);
        }

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>The text of the cell <c>[data-field=field]</c> in the row <c>[data-key=value]</c>.</summary>
    public static async Task<string> CellAsync(this IPage page, string rowAttribute, string key, string field) =>
        (await page.Locator($"tr[data-{rowAttribute}='{key}'] [data-field='{field}']").First.InnerTextAsync()).Trim();

    /// <summary>
    /// From a meeting's close on the stated timeline (the default, whose banner is checked), to the same close on recorded
    /// time through the page's switch.
    /// </summary>
    public static async Task SwitchToRecordedCloseAsync(this IPage page, string meetingTitle)
    {
        Assert.Contains($"What had been said by the close of {meetingTitle}", await page.TextAsync("[data-moment]"), StringComparison.Ordinal);
        await page.Locator("[data-field='axis-switch'] a").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("timeline=recorded", StringComparison.Ordinal));
        var recorded = await page.TextAsync("[data-moment]");
        Assert.Contains($"What the record said when {meetingTitle}", recorded, StringComparison.Ordinal);
        Assert.Contains("was closed in it", recorded, StringComparison.Ordinal);
    }

    public static async Task<string> TextAsync(this IPage page, string selector) => (await page.Locator(selector).First.InnerTextAsync()).Trim();

    /// <summary>The window scrolled so that <paramref name="selector"/> is at the top.</summary>
    public static async Task ScreenshotAtAsync(this IPage page, string name, string selector)
    {
        await page.Locator(selector).First.EvaluateAsync("e => e.scrollIntoView()");
        await page.ScreenshotAsync(name);
    }

    /// <summary>What the browser window shows (1280 × 900), as a person sees it on opening the page.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png") });
    }
}
