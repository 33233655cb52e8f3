using Consultation.Infrastructure.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Consultation.Tests.Dashboard;

/// <summary>The development sign-in page is offered exactly where the development key is accepted.</summary>
public sealed class SignInAvailabilityTests
{
    private const string Key = "a development key that is long enough to sign tokens";

    [Theory]
    [InlineData("Development", false, true)]
    [InlineData("Production", false, false)]
    [InlineData("Production", true, true)]
    [InlineData("Staging", false, false)]
    public void Development_sign_in_follows_the_development_key(string environment, bool allowDevelopmentKey, bool offered)
    {
        var settings = new AuthenticationSettings { DevelopmentKey = Key, AllowDevelopmentKey = allowDevelopmentKey };

        Assert.Equal(offered, settings.AllowsDevelopmentSignIn(new HostingEnvironment { EnvironmentName = environment }));
    }

    [Fact]
    public void With_a_provider_the_pages_sign_in_through_it_and_never_through_the_development_page()
    {
        var settings = new AuthenticationSettings { Authority = "https://login.example.org/realm", ClientId = "consultation-pages", DevelopmentKey = Key, AllowDevelopmentKey = true };

        Assert.False(settings.AllowsDevelopmentSignIn(new HostingEnvironment { EnvironmentName = Environments.Development }));
        Assert.True(settings.UsesProviderSignIn);
    }

    [Fact]
    public void Without_a_client_id_the_provider_signs_in_only_api_callers()
    {
        var settings = new AuthenticationSettings { Authority = "https://login.example.org/realm" };

        Assert.False(settings.UsesProviderSignIn);
        Assert.False(settings.AllowsDevelopmentSignIn(new HostingEnvironment { EnvironmentName = Environments.Development }));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5099", true)]
    [InlineData("http://localhost:5099/realms/test", true)]
    [InlineData("http://[::1]:5099", true)]
    [InlineData("http://login.example.org/realm", false)]
    [InlineData("https://login.example.org/realm", false)]
    public void Metadata_over_plain_http_is_allowed_only_from_a_loopback_provider(string authority, bool allowed)
    {
        var settings = new AuthenticationSettings { Authority = authority, ClientId = "consultation-pages", RequireHttpsMetadata = false };

        Assert.Equal(allowed, settings.Problem(new HostingEnvironment { EnvironmentName = Environments.Production }) is null);
        Assert.Null(new AuthenticationSettings { Authority = authority }.Problem(new HostingEnvironment { EnvironmentName = Environments.Production }));
    }

    [Theory]
    [InlineData("/ui/processes/gcm", "/ui/processes/gcm")]
    [InlineData("/ui/processes/gcm?atClose=stocktaking-2017", "/ui/processes/gcm?atClose=stocktaking-2017")]
    [InlineData("https://elsewhere.example/ui", "/ui")]
    [InlineData("//elsewhere.example/ui", "/ui")]
    [InlineData("/processes/gcm", "/ui")]
    [InlineData(null, "/ui")]
    public void The_return_address_after_sign_in_stays_on_the_pages(string? asked, string expected) =>
        Assert.Equal(expected, PageAuthentication.LocalReturnUrl(asked));
}
