using Consultation.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Consultation.Tests.Security;

/// <summary>Nobody reads or writes without a valid token; bad tokens of every kind get 401 with a problem document.</summary>
public sealed class AuthenticationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Without_a_token_the_api_answers_401_with_a_bearer_challenge()
    {
        var response = await api.CreateClient().Authorize(null).GetAsync("/processes");

        await response.AssertProblemAsync(401);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_the_openapi_document_and_the_reference_page_need_no_token()
    {
        var client = api.CreateClient().Authorize(null);
        foreach (var url in new[] { "/health/live", "/health/ready", "/openapi/v1.json", "/scalar/" })
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
        }
    }

    [Fact]
    public async Task The_openapi_document_declares_the_bearer_scheme_so_the_reference_page_can_send_tokens()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await api.CreateClient().Authorize(null).GetStringAsync("/openapi/v1.json"));

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(document.RootElement.GetProperty("security")[0].TryGetProperty("Bearer", out _));
    }

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "expired", TestIdentity.Token("eve", Roles.All, ["*"], lifetime: TimeSpan.FromMinutes(10), now: DateTimeOffset.UtcNow.AddHours(-2)) },
        { "signed with another key", DevelopmentTokens.Issue(new AuthenticationSettings { DevelopmentKey = "another key that is long enough to sign with HS256" }, "eve", null, Roles.All, ["*"], DateTimeOffset.UtcNow, TimeSpan.FromHours(1)) },
        { "for another audience", DevelopmentTokens.Issue(new AuthenticationSettings { DevelopmentKey = TestIdentity.Key, Audience = "some-other-api" }, "eve", null, Roles.All, ["*"], DateTimeOffset.UtcNow, TimeSpan.FromHours(1)) },
        { "payload altered after signing", Altered(TestIdentity.Token("eve", [Roles.Auditor], ["*"])) },
        { "unsigned", Unsigned(TestIdentity.Token("eve", Roles.All, ["*"])) },
        { "not a token", "not-a-jwt" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused_with_401(string what, string token)
    {
        var response = await api.CreateClient().Authorize(token).GetAsync("/processes");

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        var response = await api.CreateClient().Authorize(TestIdentity.Token("val", [Roles.Auditor], ["*"])).GetAsync("/processes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_development_key_is_refused_outside_development_unless_explicitly_allowed()
    {
        await using var refused = new SettingsFactory(await TestDatabase.ConnectionStringAsync(), "Production", allowDevelopmentKey: false);
        var error = Assert.ThrowsAny<Exception>(() => refused.Server);
        Assert.Contains("refused in the 'Production' environment", Flatten(error), StringComparison.Ordinal);

        await using var allowed = new SettingsFactory(await TestDatabase.ConnectionStringAsync(), "Production", allowDevelopmentKey: true);
        Assert.Equal(HttpStatusCode.OK, (await allowed.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public void Settings_that_cannot_authenticate_anyone_are_explained()
    {
        IHostEnvironment production = new Named("Production");
        Assert.Contains("No way to authenticate", new AuthenticationSettings().Problem(production), StringComparison.Ordinal);
        Assert.Contains("at least 32 bytes", new AuthenticationSettings { DevelopmentKey = "short", AllowDevelopmentKey = true }.Problem(production), StringComparison.Ordinal);
        Assert.Contains("absolute URL", new AuthenticationSettings { Authority = "login" }.Problem(production), StringComparison.Ordinal);
        Assert.Null(new AuthenticationSettings { Authority = "https://login.example.org/realms/un" }.Problem(production));
    }

    private static string Altered(string token)
    {
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]));
        parts[1] = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.Replace("\"auditor\"", "\"administrator\"", StringComparison.Ordinal));
        return string.Join('.', parts);
    }

    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        return Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);

    private sealed class Named(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Consultation.Api";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private sealed class SettingsFactory(string connectionString, string environment, bool allowDevelopmentKey) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("ConnectionStrings:Consultation", connectionString);
            builder.UseSetting("Marten:Schema", TestDatabase.NewSchemaName("auth"));
            builder.UseSetting("Seeds:Enabled", "false");
            builder.UseSetting("Authentication:DevelopmentKey", TestIdentity.Key);
            builder.UseSetting("Authentication:AllowDevelopmentKey", allowDevelopmentKey ? "true" : "false");
        }
    }
}
