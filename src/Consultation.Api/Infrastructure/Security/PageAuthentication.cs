using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Consultation.Infrastructure.Security;

/// <summary>
/// How the web pages (under <see cref="PathPrefix"/>) authenticate beside the API's bearer tokens. The default scheme is
/// a selector: a request with an <c>Authorization</c> header, or any request outside the pages, uses the bearer scheme
/// (so the API never redirects and never reads a cookie); page requests without one use the page cookie. The role and
/// process policies (<see cref="Access"/>) therefore apply to pages unchanged. The cookie is issued by the development
/// sign-in page (where the development key is allowed) or, in production, by the OpenID Connect provider.
/// </summary>
public static class PageAuthentication
{
    public const string PathPrefix = "/ui";
    public const string SignInPath = PathPrefix + "/sign-in";
    public const string ProviderSignInPath = PathPrefix + "/sign-in/provider";
    public const string SignOutPath = PathPrefix + "/sign-out";
    public const string ReturnUrlParameter = "returnUrl";

    public const string Selector = "bearer-or-page-cookie";
    public const string Cookie = "page-cookie";
    public const string Provider = OpenIdConnectDefaults.AuthenticationScheme;

    public static bool IsPage(PathString path) => path.StartsWithSegments(PathPrefix);

    /// <summary>A browser navigating (it asks for HTML): refusals become a sign-in redirect or an HTML page rather than a bare status.</summary>
    public static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>A return address that stays on the pages of this host (no open redirect).</summary>
    public static string LocalReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith(PathPrefix, StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.Contains('\\', StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : PathPrefix;

    public static AuthenticationBuilder AddPageAuthentication(this AuthenticationBuilder builder, AuthenticationSettings settings)
    {
        builder.AddPolicyScheme(Selector, "Bearer token, or the page cookie on pages", o => o.ForwardDefaultSelector = http =>
            http.Request.Headers.Authorization.Count > 0 || !IsPage(http.Request.Path) ? JwtBearerDefaults.AuthenticationScheme : Cookie);
        builder.AddCookie(Cookie, o =>
        {
            o.Cookie.Name = "consultation-pages";
            o.Cookie.Path = PathPrefix;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(Math.Max(1, settings.PageSessionHours));
            o.SlidingExpiration = true;
            o.LoginPath = settings.UsesProviderSignIn ? ProviderSignInPath : SignInPath;
            o.ReturnUrlParameter = ReturnUrlParameter;
            o.Events.OnRedirectToLogin = context =>
            {
                if (WantsHtml(context.Request))
                {
                    // The handler builds an absolute URL from the request's Host header; a forged Host must not choose where the browser goes.
                    context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }

                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            TokenUser.RequireUser(o.Events);
        });
        if (settings.UsesProviderSignIn)
        {
            builder.AddOpenIdConnect(Provider, "Your organisation's sign-in", o =>
            {
                o.Authority = settings.Authority;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                o.ClientId = settings.ClientId;
                o.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.SignInScheme = Cookie;
                o.CallbackPath = PathPrefix + "/signin-oidc";
                o.SignedOutCallbackPath = PathPrefix + "/signout-callback-oidc";
                o.SignedOutRedirectUri = SignInPath;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.SaveTokens = false;
                o.ClaimActions.MapJsonKey(ConsultationClaims.Role, ConsultationClaims.Role);
                o.ClaimActions.MapJsonKey(ConsultationClaims.Process, ConsultationClaims.Process);
                o.TokenValidationParameters.NameClaimType = ConsultationClaims.UserId;
                o.TokenValidationParameters.RoleClaimType = ConsultationClaims.Role;
                TokenUser.RequireUser(o.Events);
            });
        }

        return builder;
    }
}
