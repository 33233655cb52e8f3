using Consultation.Tests.Seeding;
using Consultation.Tests.Support;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard;

/// <summary>
/// The seeded service on a real Kestrel port (a browser needs one), the illustrative record of
/// <see cref="DashboardStory"/> added through the API, and a headless Chromium driven by Playwright.
/// </summary>
public sealed class DashboardFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The machine's Chromium (Debian package <c>chromium</c>); Playwright's own browser download is not used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private string _connectionString = string.Empty;
    private IPlaywright? _playwright;

    static DashboardFactory() => JasperFxEnvironment.AutoStartHost = true;

    public DashboardFactory() => UseKestrel(0);

    public string Schema { get; } = TestDatabase.NewSchemaName("pages");

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public DashboardStory Story { get; private set; } = default!;

    /// <summary>An API client on the real port, carrying a token with every role.</summary>
    public HttpClient Api() => new HttpClient { BaseAddress = BaseAddress }.Authorize(TestIdentity.Everyone());

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"The browser tests need Chromium at {ChromiumPath}: apt-get install -y chromium (bash .ci/run installs it).");
        _connectionString = await TestDatabase.ConnectionStringAsync();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        Story = await new DashboardStory(Api()).BuildAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) with a page on this server.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        TestIdentity.Configure(builder);
        builder.UseSetting("ConnectionStrings:Consultation", _connectionString);
        builder.UseSetting("Marten:Schema", Schema);
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
    }
}
