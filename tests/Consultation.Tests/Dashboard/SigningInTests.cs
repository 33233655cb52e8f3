using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard;

/// <summary>Signing in to the pages beside the API's tokens: the cookie is for pages only; the API still answers 401.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SigningInTests(DashboardFactory dashboard)
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_comes_back_to_the_page_asked_for()
    {
        var page = await dashboard.NewPageAsync();

        await page.GotoAsync("/ui/processes/gcm");
        Assert.Contains("/ui/sign-in", page.Url, StringComparison.Ordinal);
        await page.SignInAsync("fatima", ["facilitator"], returnUrl: "/ui/processes/gcm");

        Assert.EndsWith("/ui/processes/gcm", page.Url, StringComparison.Ordinal);
        Assert.Contains("Fatima (test)", await page.TextAsync("header.top"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_still_answers_401_without_a_token_and_ignores_the_page_cookie()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"]);

        var api = await page.APIRequest.GetAsync("/processes/gcm/convergence");
        Assert.Equal(401, api.Status);
        using var anonymous = new HttpClient { BaseAddress = dashboard.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/processes/gcm")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/ui/processes/gcm")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_page_session()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("fatima", ["facilitator"]);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        Assert.Contains("You are signed out", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/ui/processes/gcm");

        Assert.Contains("/ui/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_not_assigned_to_the_process_is_refused_with_the_reason()
    {
        var page = await dashboard.NewPageAsync();
        await page.SignInAsync("olga", ["facilitator"], processes: "another-process");

        var response = await page.GotoAsync("/ui/processes/gcm");

        Assert.Equal(403, response!.Status);
        Assert.Contains("not assigned to process 'gcm'", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_send_a_content_security_policy_that_allows_no_script()
    {
        using var client = dashboard.Api();

        var response = await client.GetAsync("/ui/processes/gcm");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_sign_in_form_posted_without_its_antiforgery_token_signs_nobody_in()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.BaseAddress };
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "development-sign-in",
            ["Form.UserId"] = "mallory",
            ["Form.Administrator"] = "true",
            ["Form.Processes"] = "*",
        });

        var response = await client.PostAsync("/ui/sign-in", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("consultation-pages=", StringComparison.Ordinal)));
    }
}
