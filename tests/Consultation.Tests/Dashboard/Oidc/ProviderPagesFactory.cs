using Microsoft.Playwright;

namespace Consultation.Tests.Dashboard.Oidc;

/// <summary>
/// The seeded service configured as in production — <c>Authentication:Authority</c>, <c>ClientId</c> and <c>ClientSecret</c>
/// of an OpenID Connect provider, no development key — pointed at a <see cref="TestOidcProvider"/> on loopback. The one
/// test-only setting is <c>Authentication:RequireHttpsMetadata=false</c>, which the service accepts only for a loopback
/// provider. A headless Chromium drives the pages.
/// </summary>
public sealed class ProviderPagesFactory : ServiceFactory
{
    public static readonly ProviderUser Facilitator = new("fatima.h", "Fatima Haddad", ["facilitator"], ["gcm"]);

    private HeadlessChromium? _chromium;

    public ProviderPagesFactory()
        : base("oidc") => UseKestrel(0);

    public TestOidcProvider Provider { get; private set; } = default!;

    public Uri BaseAddress => _chromium!.BaseAddress;

    public override async Task InitializeAsync()
    {
        Provider = await TestOidcProvider.StartAsync(Facilitator);
        await base.InitializeAsync();
        _chromium = await HeadlessChromium.LaunchAsync(Services);
        Provider.RedirectUri = new Uri(BaseAddress, "/ui/signin-oidc").ToString();
    }

    public Task<IPage> NewPageAsync() => _chromium!.NewPageAsync();

    protected override bool Seeded => true;

    protected override bool TrustsTestTokens => false;

    protected override bool ClientsActForEveryone => false;

    protected override IEnumerable<(string Name, string Value)> ExtraSettings =>
    [
        ("Authentication:Authority", Provider.Issuer),
        ("Authentication:Audience", Provider.ApiAudience),
        ("Authentication:ClientId", Provider.ClientId),
        ("Authentication:ClientSecret", Provider.ClientSecret),
        ("Authentication:RequireHttpsMetadata", "false"),
        ("Authentication:DevelopmentKey", string.Empty),
        ("Authentication:AllowDevelopmentKey", "false"),
    ];

    protected override async Task StopAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await base.StopAsync();
        await Provider.DisposeAsync();
    }
}
