using Consultation.Infrastructure.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Consultation.Dashboard.SigningIn;

/// <summary>
/// <c>POST /ui/sign-out</c> (a form with an antiforgery token): ends the page session on this host and returns to the
/// sign-in page. With a provider, the provider's own session is left alone: the pages' content security policy lets
/// forms post only to this host.
/// </summary>
public static class SignOut
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(PageAuthentication.SignOutPath, async (HttpContext http, IAntiforgery antiforgery) =>
            {
                if (!await HasValidTokenAsync(http, antiforgery))
                {
                    return Results.BadRequest("The sign-out form has expired; reload the page and try again.");
                }

                await http.SignOutAsync(PageAuthentication.Cookie);
                return Results.Redirect(PageAuthentication.SignInPath + "?signedOut=true");
            })
            .RequireAccess(Access.Read)
            .ExcludeFromDescription();

    /// <summary>A body that is not a readable form (malformed multipart, bad encoding) has no valid token either: 400, not 500.</summary>
    private static async Task<bool> HasValidTokenAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType)
        {
            return false;
        }

        try
        {
            return await antiforgery.IsRequestValidAsync(http);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or AntiforgeryValidationException)
        {
            return false;
        }
    }
}
