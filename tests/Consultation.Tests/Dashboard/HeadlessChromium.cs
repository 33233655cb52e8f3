using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard;

/// <summary>
/// The machine's Chromium (<see cref="ChromiumExecutable"/>) driven headless by Playwright — its own browser download
/// does not work here — opening pages of one server on a real loopback port.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser, Uri baseAddress)
    {
        _playwright = playwright;
        Browser = browser;
        BaseAddress = baseAddress;
    }

    public IBrowser Browser { get; }

    public Uri BaseAddress { get; }

    /// <summary>Starts the browser for the server whose Kestrel runs in <paramref name="services"/>.</summary>
    public static async Task<HeadlessChromium> LaunchAsync(IServiceProvider services)
    {
        var executable = ChromiumExecutable.Path;
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
        return new HeadlessChromium(playwright, browser, LoopbackAddress(services));
    }

    /// <summary>The address Kestrel listens on, as a browser on this machine reaches it.</summary>
    public static Uri LoopbackAddress(IServiceProvider services)
    {
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>A fresh browser context (its own cookies) with a page on the server.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        // Playwright's 30 s default is a deadline, not a check: a replayed page under the whole suite's load on two cores
        // once took longer to load (a CI run); waits stay waits for something that must happen.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
