using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Consultation.Infrastructure.Security;

/// <summary>
/// Every request runs as the user its token names. A token whose <c>sub</c> is missing, blank or one of the service's
/// own identities (<see cref="ReservedUserIds"/>) is refused at authentication, so nothing over HTTP can act as the
/// identity the command line and seeding use, nor inherit its "every process".
/// </summary>
public static class TokenUser
{
    public const int MaxUserIdLength = 200;

    /// <summary>The identities the service acts as by itself (<c>RequestContext</c>'s default, the seed loader).</summary>
    public static readonly IReadOnlySet<string> ReservedUserIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "system", "seed-loader", "anonymous" };

    /// <summary>Why a token's user id cannot be accepted, or null when it can.</summary>
    public static string? Problem(string? userId) => userId switch
    {
        null or "" => "The token names no user: its 'sub' claim is missing or empty.",
        _ when string.IsNullOrWhiteSpace(userId) || userId.Trim().Length != userId.Length =>
            "The token's 'sub' claim must not be blank or start or end with spaces.",
        { Length: > MaxUserIdLength } => $"The token's 'sub' claim is longer than {MaxUserIdLength} characters.",
        _ when userId.Any(char.IsControl) => "The token's 'sub' claim contains control characters.",
        _ when ReservedUserIds.Contains(userId) => $"The token's 'sub' claim '{userId}' is reserved for the service's own identity.",
        _ => null,
    };

    private const string RefusalItem = "consultation:token-user-refused";

    /// <summary>Fails a bearer token without an acceptable user, and says why in the 401 problem.</summary>
    public static void RequireUser(JwtBearerEvents events)
    {
        var validated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (Problem(context.Principal?.UserIdOf()) is { } problem)
            {
                context.HttpContext.Items[RefusalItem] = problem;
                context.Fail(problem);
            }
        };
        var challenge = events.OnChallenge;
        events.OnChallenge = async context =>
        {
            await challenge(context);
            if (context.Handled || context.HttpContext.Items[RefusalItem] is not string problem)
            {
                return;
            }

            context.HandleResponse();
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Unauthorized", Detail = problem },
            });
        };
    }

    public static void RequireUser(CookieAuthenticationEvents events)
    {
        var validate = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            await validate(context);
            if (context.Principal is not null && Problem(context.Principal.UserIdOf()) is not null)
            {
                context.RejectPrincipal();
            }
        };
    }

    public static void RequireUser(OpenIdConnectEvents events)
    {
        var validated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (Problem(context.Principal?.UserIdOf()) is { } problem)
            {
                context.Fail(problem);
            }
        };
    }
}
