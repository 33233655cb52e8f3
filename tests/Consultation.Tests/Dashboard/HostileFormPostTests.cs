using System.Text;
using System.Text.RegularExpressions;
using Consultation.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Dashboard;

/// <summary>
/// Malformed and hostile form posts to every POST endpoint under <c>/ui</c> (the pages, sign-in, sign-out): each is
/// refused with a 4xx — never a 5xx — writes no event and signs nobody in.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class HostileFormPostTests(DashboardFactory dashboard)
{
    private const string SessionCookie = "consultation-pages";

    /// <summary>Bodies with no valid antiforgery token: none, a forged one, the wrong content type, garbage.</summary>
    public static TheoryData<string> Untokened => ["none", "forged-token", "json", "multipart-garbage", "control-characters", "huge"];

    [Fact]
    public void Every_ui_post_endpoint_is_covered()
    {
        var posts = UiPosts().Select(r => r.Pattern).ToList();

        Assert.Contains("/ui/sign-in", posts);
        Assert.Contains("/ui/sign-out", posts);
        Assert.Contains("/ui/processes/{process}/issues/{issue}", posts);
        Assert.All(posts, p => Assert.DoesNotContain("{", Url(p), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Untokened))]
    public async Task Posts_without_a_valid_antiforgery_token_are_refused_everywhere(string body)
    {
        using var signedIn = await SignedInClientAsync();
        using var anonymous = Client(out var anonymousCookies);
        var events = await EventCountAsync();

        foreach (var route in UiPosts())
        {
            foreach (var (client, who) in new[] { (signedIn.Client, "signed in"), (anonymous, "anonymous") })
            {
                using var response = await client.PostAsync(Url(route.Pattern), Body(body, token: body == "forged-token" ? "CfDJ8forged" : null));
                AssertRefused(response, $"{who} POST {route.Pattern} ({body})");
            }
        }

        Assert.Equal(events, await EventCountAsync());
        Assert.Null(SessionOf(anonymous, anonymousCookies));
    }

    [Theory]
    [InlineData("Form.UserId=mallory&Form.Processes=gcm")] // no role
    [InlineData("Form.UserId=mallory&Form.Root=true&Form.Superuser=true&Form.Processes=gcm")] // roles that do not exist
    [InlineData("Form.UserId=mallory&Form.Facilitator=administrator&Form.Processes=gcm")] // a role field that is not a yes/no
    [InlineData("Form.UserId=mallory&Form.Facilitator=true&Form.Processes=..%2F..%2Fetc")] // not a process key
    [InlineData("Form.UserId=mallory&Form.Facilitator=true&Form.Processes=gcm%3Cscript%3E")]
    [InlineData("Form.UserId=mallory&Form.Facilitator=true&Form.Processes=")]
    [InlineData("Form.UserId=mal%00lory&Form.Facilitator=true&Form.Processes=gcm")] // control characters
    [InlineData("Form.UserId=mallory&Form.DisplayName=Mal%1B%5B31mlory&Form.Facilitator=true&Form.Processes=gcm")]
    [InlineData("Form.UserId=&Form.Facilitator=true&Form.Processes=gcm")]
    [InlineData("Form.UserId=LONG&Form.Facilitator=true&Form.Processes=gcm")] // 300,000 characters
    [InlineData("Form.UserId=mallory&Form.DisplayName=LONG&Form.Facilitator=true&Form.Processes=gcm")]
    public async Task A_sign_in_form_with_a_valid_token_but_hostile_fields_signs_nobody_in(string fields)
    {
        using var client = Client(out var cookies);
        var token = await TokenAsync(client, "/ui/sign-in");
        var events = await EventCountAsync();

        var form = $"_handler=development-sign-in&__RequestVerificationToken={Uri.EscapeDataString(token)}&" + fields.Replace("LONG", new string('x', 300_000), StringComparison.Ordinal);
        using var response = await client.PostAsync("/ui/sign-in", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

        AssertRefused(response, fields.Length > 200 ? fields[..200] : fields);
        Assert.Null(SessionOf(client, cookies));
        Assert.Equal(events, await EventCountAsync());
    }

    [Theory]
    [InlineData("")] // a post naming no form
    [InlineData("_handler=record-position&Stance=2")] // a form no page has
    [InlineData("_handler=development-sign-in&Form.UserId=mallory&Form.Administrator=true&Form.Processes=*")] // the sign-in form, posted to a page
    [InlineData("_handler=HUGE")]
    public async Task A_signed_in_user_posting_to_a_page_with_a_valid_token_changes_nothing(string fields)
    {
        using var signedIn = await SignedInClientAsync();
        var events = await EventCountAsync();

        foreach (var route in UiPosts().Where(r => r.Pattern.StartsWith("/ui/processes", StringComparison.Ordinal) || r.Pattern == "/ui"))
        {
            var token = await TokenAsync(signedIn.Client, "/ui");
            var form = $"__RequestVerificationToken={Uri.EscapeDataString(token)}&" + fields.Replace("HUGE", new string('h', 100_000), StringComparison.Ordinal);
            using var response = await signedIn.Client.PostAsync(Url(route.Pattern), new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
            AssertRefused(response, $"POST {route.Pattern} ({(fields.Length > 60 ? fields[..60] : fields)})");
        }

        Assert.Equal(events, await EventCountAsync());
        Assert.Contains("fatima", await signedIn.Client.GetStringAsync("/ui"), StringComparison.Ordinal);
    }

    private IEnumerable<EndpointRoute> UiPosts() =>
        EndpointRoute.Of(dashboard.Services).Where(r => r.Method == "POST" && r.Pattern.StartsWith("/ui", StringComparison.Ordinal));

    private static string Url(string pattern) => pattern
        .Replace("{process}", DashboardStory.Process, StringComparison.Ordinal)
        .Replace("{issue}", "human-rights", StringComparison.Ordinal)
        .Replace("{area}", "state-sovereignty", StringComparison.Ordinal)
        .Replace("{stakeholder}", "THA", StringComparison.Ordinal)
        .Replace("{meeting}", DashboardStory.FirstMeeting, StringComparison.Ordinal);

    private static void AssertRefused(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{what}: {status}");
    }

    private static HttpContent Body(string kind, string? token) => kind switch
    {
        "none" => new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "development-sign-in", ["Form.UserId"] = "mallory", ["Form.Administrator"] = "true", ["Form.Processes"] = "*" }),
        "forged-token" => new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token!, ["_handler"] = "development-sign-in", ["Form.UserId"] = "mallory", ["Form.Auditor"] = "true", ["Form.Processes"] = "gcm" }),
        "json" => new StringContent("""{"_handler":"development-sign-in","Form.UserId":"mallory","Form.Administrator":true}""", Encoding.UTF8, "application/json"),
        "multipart-garbage" => new StringContent("--x\r\nContent-Disposition: form-data; name=\"_handler\r\n\r\n\u0000\u0001--", Encoding.UTF8, "multipart/form-data"),
        "control-characters" => new StringContent("_handler=\u0000\u0007&Form.UserId=%00%1B&\u0001=\u0002", Encoding.UTF8, "application/x-www-form-urlencoded"),
        "huge" => new StringContent("_handler=development-sign-in&Form.UserId=" + new string('x', 2_000_000), Encoding.UTF8, "application/x-www-form-urlencoded"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private HttpClient Client(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = dashboard.BaseAddress };
    }

    /// <summary>The antiforgery token of the form on <paramref name="path"/> (its cookie goes into the client's container).</summary>
    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return AntiforgeryField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    private async Task<SignedIn> SignedInClientAsync()
    {
        var client = Client(out var cookies);
        var token = await TokenAsync(client, "/ui/sign-in");
        using var response = await client.PostAsync("/ui/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "development-sign-in",
            ["__RequestVerificationToken"] = token,
            ["Form.UserId"] = "fatima",
            ["Form.Facilitator"] = "true",
            ["Form.Processes"] = "gcm",
        }));
        Assert.NotNull(SessionOf(client, cookies));
        return new SignedIn(client, cookies);
    }

    private Cookie? SessionOf(HttpClient client, CookieContainer cookies) =>
        cookies.GetCookies(new Uri(client.BaseAddress!, "/ui/")).FirstOrDefault(c => c.Name == SessionCookie);

    private async Task<int> EventCountAsync()
    {
        await using var session = dashboard.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed record SignedIn(HttpClient Client, CookieContainer Cookies) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }
}
