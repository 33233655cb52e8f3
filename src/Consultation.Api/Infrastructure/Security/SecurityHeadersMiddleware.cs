namespace Consultation.Infrastructure.Security;

/// <summary>
/// Headers every response carries: no MIME sniffing, no framing, no referrer, nothing cached (the record is sensitive),
/// and a content security policy that lets the API reference page load only its own scripts and styles, and the
/// dashboard pages only their own stylesheet.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    /// <summary>The dashboard pages: their own stylesheet, no scripts at all, forms posting only to this host.</summary>
    private const string DashboardPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private const string PagePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        var headers = http.Response.Headers;
        http.Response.OnStarting(() =>
        {
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? PagePolicy
                : PageAuthentication.IsPage(http.Request.Path) ? DashboardPolicy
                : ApiPolicy;
            if (!headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(http);
    }
}
