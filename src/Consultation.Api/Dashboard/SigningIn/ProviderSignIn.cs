using Consultation.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;

namespace Consultation.Dashboard.SigningIn;

/// <summary>
/// <c>GET /ui/sign-in/provider?returnUrl=</c>: hands the browser to the configured OpenID Connect provider (code flow
/// with PKCE); the provider's answer comes back to <c>/ui/signin-oidc</c> and becomes the page cookie. Its token must
/// carry the same claims as an API token (<c>sub</c>, <c>name</c>, <c>role</c>, <c>process</c>).
/// </summary>
public static class ProviderSignIn
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(PageAuthentication.ProviderSignInPath, (string? returnUrl, IConfiguration configuration) =>
                AuthenticationSettings.From(configuration).UsesProviderSignIn
                    ? Results.Challenge(new AuthenticationProperties { RedirectUri = PageAuthentication.LocalReturnUrl(returnUrl) }, [PageAuthentication.Provider])
                    : Results.NotFound("No OpenID Connect provider is configured for the pages (Authentication:Authority and Authentication:ClientId)."))
            .AllowAnonymous()
            .ExcludeFromDescription();
}
