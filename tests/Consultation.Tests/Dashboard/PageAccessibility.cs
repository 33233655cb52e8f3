using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard;

/// <summary>What every dashboard page must hold for a screen reader, checked in the browser.</summary>
public static class PageAccessibility
{
    /// <summary>One top-level heading, and every form control labelled (a label or aria-label).</summary>
    public static async Task AssertHeadingAndLabelledControlsAsync(IPage page)
    {
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label'))
                .map(c => c.outerHTML)
            """);
        Assert.Empty(unlabelled);
    }

    /// <summary>Each chart on the page: "ok" when it is an image named by a title and a description, else its opening markup.</summary>
    public static Task<string[]> ChartsAsync(IPage page) =>
        page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('svg')].map(svg => {
                const ids = (svg.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
                const texts = ids.map(id => document.getElementById(id)).map(e => e ? e.textContent.trim() : '');
                return svg.getAttribute('role') === 'img' && ids.length === 2 && texts.every(t => t.length > 0) ? 'ok' : svg.outerHTML.slice(0, 200);
            })
            """);
}
