using Consultation.Tests.Seeding;
using Consultation.Tests.Support;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard.Oidc;

/// <summary>
/// The seeded service configured as in production — <c>Authentication:Authority</c>, <c>ClientId</c> and <c>ClientSecret</c>
/// of an OpenID Connect provider, no development key — pointed at a <see cref="TestOidcProvider"/> on loopback. The one
/// test-only setting is <c>Authentication:RequireHttpsMetadata=false</c>, which the service accepts only for a loopback
/// provider. A headless Chromium drives the pages.
/// </summary>
public sealed class ProviderPagesFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly ProviderUser Facilitator = new("fatima.h", "Fatima Haddad", ["facilitator"], ["gcm"]);

    private string _connectionString = string.Empty;
    private HeadlessChromium? _chromium;

    static ProviderPagesFactory() => JasperFxEnvironment.AutoStartHost = true;

    public ProviderPagesFactory() => UseKestrel(0);

    public TestOidcProvider Provider { get; private set; } = default!;

    public Uri BaseAddress => _chromium!.BaseAddress;

    public async Task InitializeAsync()
    {
        Provider = await TestOidcProvider.StartAsync(Facilitator);
        _connectionString = await TestDatabase.ConnectionStringAsync();
        StartServer();
        _chromium = await HeadlessChromium.LaunchAsync(Services);
        Provider.RedirectUri = new Uri(BaseAddress, "/ui/signin-oidc").ToString();
    }

    public Task<IPage> NewPageAsync() => _chromium!.NewPageAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Authentication:Authority", Provider.Issuer);
        builder.UseSetting("Authentication:Audience", Provider.ApiAudience);
        builder.UseSetting("Authentication:ClientId", Provider.ClientId);
        builder.UseSetting("Authentication:ClientSecret", Provider.ClientSecret);
        builder.UseSetting("Authentication:RequireHttpsMetadata", "false");
        builder.UseSetting("Authentication:DevelopmentKey", string.Empty);
        builder.UseSetting("Authentication:AllowDevelopmentKey", "false");
        builder.UseSetting("ConnectionStrings:Consultation", _connectionString);
        builder.UseSetting("Marten:Schema", TestDatabase.NewSchemaName("oidc"));
        builder.UseSetting("Seeds:Enabled", "true");
        builder.UseSetting("Seeds:Directory", SeededApiFactory.SeedsDirectory);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await DisposeAsync();
        await Provider.DisposeAsync();
    }
}
