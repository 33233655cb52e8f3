using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard.Oidc;

/// <summary>
/// Signing in to the pages through a real OpenID Connect code flow (with PKCE and a client secret) against the loopback
/// <see cref="TestOidcProvider"/>, and the API accepting that provider's access tokens — and no one else's.
/// </summary>
public sealed class ProviderSignInTests(ProviderPagesFactory pages) : IClassFixture<ProviderPagesFactory>
{
    private TestOidcProtocol Protocol => pages.Provider.Protocol;

    [Fact]
    public async Task Opening_the_pages_goes_through_the_provider_and_comes_back_signed_in_with_the_users_processes()
    {
        var page = await pages.NewPageAsync();
        var before = Protocol.ExchangesWithPkce;
        var visited = new List<string>();
        page.Request += (_, request) => visited.Add(request.Url);

        await page.GotoAsync("/ui");
        await ArrivedAsync(page, "/ui");

        Assert.Empty(Protocol.Refusals);
        Assert.Contains(visited, url => url.StartsWith(pages.Provider.Issuer + "/authorize?", StringComparison.Ordinal));
        Assert.Equal(before + 1, Protocol.ExchangesWithPkce);
        Assert.Equal(new Uri(pages.BaseAddress, "/ui").ToString(), page.Url);
        var header = await page.TextAsync("header.top");
        Assert.Contains("Signed in as Fatima Haddad", header, StringComparison.Ordinal);
        Assert.Contains("facilitator", header, StringComparison.Ordinal);
        Assert.Contains("processes: gcm", header, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("tr[data-process='gcm']").CountAsync());

        await page.Locator("tr[data-process='gcm'] a").ClickAsync();
        Assert.EndsWith("/ui/processes/gcm", page.Url, StringComparison.Ordinal);
        Assert.Equal(5, await page.Locator("tr[data-area]").CountAsync());
        await page.ScreenshotAsync("provider-signed-in");
    }

    [Fact]
    public async Task Signing_out_ends_the_page_session_and_the_next_visit_asks_the_provider_again()
    {
        var page = await pages.NewPageAsync();
        await page.GotoAsync("/ui/processes/gcm");
        await ArrivedAsync(page, "/ui/processes/gcm");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();

        Assert.Contains("You are signed out", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await page.Context.CookiesAsync()).Count(c => c.Name == "consultation-pages"));
        var authorizations = Protocol.Authorizations;
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Sign in with your organisation's account" }).ClickAsync();
        await ArrivedAsync(page, "/ui");
        Assert.Equal(authorizations + 1, Protocol.Authorizations);
    }

    [Fact]
    public async Task The_api_accepts_the_access_token_the_flow_issued()
    {
        var page = await pages.NewPageAsync();
        await page.GotoAsync("/ui");
        await ArrivedAsync(page, "/ui");
        var token = Protocol.IssuedAccessTokens.Last();
        using var api = new HttpClient { BaseAddress = pages.BaseAddress }.Authorize(token);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/processes/gcm/convergence")).StatusCode);
        var mine = await api.GetJsonAsync("/processes");
        Assert.Equal(["gcm"], mine.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/processes/gcm/meetings", JsonContent.Create(new { }))).StatusCode);
    }

    [Fact]
    public async Task The_api_refuses_tokens_from_another_issuer_or_signed_with_another_key()
    {
        await using var stranger = await TestOidcProvider.StartAsync(ProviderPagesFactory.Facilitator, apiAudience: pages.Provider.ApiAudience);
        using var api = new HttpClient { BaseAddress = pages.BaseAddress };

        api.Authorize(stranger.AccessToken());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/processes/gcm")).StatusCode);
        api.Authorize(stranger.AccessToken(issuer: pages.Provider.Issuer));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/processes/gcm")).StatusCode);
        api.Authorize(pages.Provider.Sign("another-api", pages.Provider.UserClaims()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/processes/gcm")).StatusCode);
        api.Authorize(pages.Provider.AccessToken());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/processes/gcm")).StatusCode);
    }

    /// <summary>Waits for the flow to end on <paramref name="path"/> of the service (the provider's form_post answer navigates on after it has loaded).</summary>
    private Task ArrivedAsync(IPage page, string path) =>
        page.WaitForURLAsync(new Uri(pages.BaseAddress, path).ToString(), new PageWaitForURLOptions { Timeout = 15_000 });
}
