using System.Text;

namespace Consultation.Tests.Security;

/// <summary>Input and transport hardening: no mass assignment, bounded bodies, closed CORS, security headers, no internals in errors.</summary>
public sealed class HardeningTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task A_command_with_an_unknown_property_is_refused_naming_it_and_nothing_is_written()
    {
        var before = await api.CountEventsAsync();

        var problem = await (await _client.PostJsonAsync("/stakeholders", new { key = "MEX", kind = "MemberState", name = "Mexico", regionalGroup = "LatinAmericanAndCaribbean", version = 7 }))
            .AssertProblemAsync(400);

        Assert.Contains("version", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Theory]
    [InlineData("{\"key\":\"DUP\",\"kind\":\"CivilSociety\",\"name\":\"First\",\"name\":\"Second\"}", "name")]
    [InlineData("{\"key\":\"DUP\",\"key\":\"DUQ\",\"kind\":\"CivilSociety\",\"name\":\"Dup\"}", "key")]
    public async Task A_body_naming_a_property_twice_is_refused_naming_it_and_nothing_is_written(string body, string key)
    {
        var before = await api.CountEventsAsync();

        var problem = await (await _client.PostRawAsync("/stakeholders", body)).AssertProblemAsync(400);

        Assert.Contains("more than once", Assert.Single(problem.ErrorsFor(key)), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_forged_host_header_is_reflected_neither_in_the_openapi_document_nor_in_the_sign_in_redirect()
    {
        using var document = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        document.Headers.Host = "attacker.example";
        var openApi = await _client.SendAsync(document);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.DoesNotContain("attacker.example", await openApi.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/ui");
        page.Headers.Host = "attacker.example";
        page.Headers.Accept.ParseAdd("text/html");
        var redirect = await api.CreateClient(new() { AllowAutoRedirect = false }).Authorize(null).SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!.OriginalString;
        Assert.StartsWith("/ui/", location, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var huge = new StringContent("{\"key\":\"MEX\",\"name\":\"" + new string('x', 1_100_000) + "\"}", Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/stakeholders", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Cross_origin_requests_get_no_cors_permission_by_default()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/stakeholders");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var response = await _client.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        using var simple = new HttpRequestMessage(HttpMethod.Get, "/processes");
        simple.Headers.Add("Origin", "https://elsewhere.example");
        Assert.False((await _client.SendAsync(simple)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        foreach (var response in new[] { await _client.GetAsync("/processes"), await _client.GetAsync("/processes/nowhere"), await api.CreateClient().Authorize(null).GetAsync("/processes") })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Errors_say_what_is_wrong_without_internals()
    {
        var responses = new[]
        {
            await _client.PostAsync("/stakeholders", new StringContent("{\"key\": ", Encoding.UTF8, "application/json")),
            await _client.PostAsync("/stakeholders", new StringContent("{\"key\": 12}", Encoding.UTF8, "application/json")),
            await _client.PostJsonAsync("/stakeholders", new { key = "MEX", kind = "MemberState", name = "Mexico", regionalGroup = "LatinAmericanAndCaribbean", extra = "x" }),
        };
        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.DoesNotContain("Consultation.", body, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        }
    }
}
