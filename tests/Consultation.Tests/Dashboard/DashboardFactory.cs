using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard;

/// <summary>
/// The seeded service on a real Kestrel port (a browser needs one), the illustrative record of
/// <see cref="DashboardStory"/> added through the API, and a headless Chromium driven by Playwright.
/// </summary>
public sealed class DashboardFactory : ServiceFactory
{
    private HeadlessChromium? _chromium;

    public DashboardFactory()
        : base("pages") => UseKestrel(0);

    public Uri BaseAddress => _chromium!.BaseAddress;

    public IBrowser Browser => _chromium!.Browser;

    public DashboardStory Story { get; private set; } = default!;

    /// <summary>An API client on the real port, carrying a token with every role.</summary>
    public HttpClient Api() => new HttpClient { BaseAddress = BaseAddress }.Authorize(TestIdentity.Everyone());

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _chromium = await HeadlessChromium.LaunchAsync(Services);
        Story = await new DashboardStory(Api()).BuildAsync();
    }

    /// <summary>A fresh browser context (its own cookies) with a page on this server.</summary>
    public Task<IPage> NewPageAsync() => _chromium!.NewPageAsync();

    protected override bool Seeded => true;

    protected override bool ClientsActForEveryone => false;

    protected override async Task StopAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await base.StopAsync();
    }
}
