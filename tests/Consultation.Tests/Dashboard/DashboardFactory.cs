using Consultation.Tests.Seeding;
using Consultation.Tests.Support;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard;

/// <summary>
/// The seeded service on a real Kestrel port (a browser needs one), the illustrative record of
/// <see cref="DashboardStory"/> added through the API, and a headless Chromium driven by Playwright.
/// </summary>
public sealed class DashboardFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = string.Empty;
    private HeadlessChromium? _chromium;

    static DashboardFactory() => JasperFxEnvironment.AutoStartHost = true;

    public DashboardFactory() => UseKestrel(0);

    public string Schema { get; } = TestDatabase.NewSchemaName("pages");

    public Uri BaseAddress => _chromium!.BaseAddress;

    public IBrowser Browser => _chromium!.Browser;

    public DashboardStory Story { get; private set; } = default!;

    /// <summary>An API client on the real port, carrying a token with every role.</summary>
    public HttpClient Api() => new HttpClient { BaseAddress = BaseAddress }.Authorize(TestIdentity.Everyone());

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.ConnectionStringAsync();
        StartServer();
        _chromium = await HeadlessChromium.LaunchAsync(Services);
        Story = await new DashboardStory(Api()).BuildAsync();
    }

    /// <summary>A fresh browser context (its own cookies) with a page on this server.</summary>
    public Task<IPage> NewPageAsync() => _chromium!.NewPageAsync();

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
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await DisposeAsync();
    }
}
