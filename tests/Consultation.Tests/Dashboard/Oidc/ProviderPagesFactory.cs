using Consultation.Tests.Seeding;
using Consultation.Tests.Support;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
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
    private IPlaywright? _playwright;

    static ProviderPagesFactory() => JasperFxEnvironment.AutoStartHost = true;

    public ProviderPagesFactory() => UseKestrel(0);

    public TestOidcProvider Provider { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Provider = await TestOidcProvider.StartAsync(Facilitator);
        _connectionString = await TestDatabase.ConnectionStringAsync();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        Provider.RedirectUri = new Uri(BaseAddress, "/ui/signin-oidc").ToString();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DashboardFactory.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

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
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
        await Provider.DisposeAsync();
    }
}
