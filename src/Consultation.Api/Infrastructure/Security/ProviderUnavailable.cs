using Consultation.Infrastructure.Resilience;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Consultation.Infrastructure.Security;

/// <summary>
/// The OpenID Connect provider's metadata or signing keys could not be fetched (provider down, unreachable, not yet up).
/// No token can be checked then, so the answer is 503 with <c>Retry-After</c> — not 401, which would tell a client its
/// token is bad, and not 500.
/// </summary>
public static class ProviderUnavailable
{
    public const string Title = "Sign-in is not available.";
    public const string Detail = "The identity provider could not be reached to check who you are. Retry shortly.";

    private const string Flag = "consultation:provider-unavailable";

    /// <summary>IdentityModel's metadata retrieval raises its own exceptions (IDX20803, IDX20804) around the network error.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e.Source?.StartsWith("Microsoft.IdentityModel.Protocols", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// When the metadata cannot be fetched the token handler reports only "signature key not found"; asking the
    /// configuration manager again (it answers from its cache when the provider is fine) tells an unknown key from an
    /// unreachable provider.
    /// </summary>
    private static async Task<bool> KeysUnreachableAsync(AuthenticationFailedContext context)
    {
        if (context.Exception is not SecurityTokenSignatureKeyNotFoundException || context.Options.ConfigurationManager is not { } configuration)
        {
            return false;
        }

        try
        {
            await configuration.GetConfigurationAsync(context.HttpContext.RequestAborted);
            return false;
        }
        catch (Exception e) when (Is(e))
        {
            return true;
        }
    }

    /// <summary>The bearer handler turns the failure into a plain authentication failure; remember why and answer 503 at the challenge.</summary>
    public static void AnswerUnavailable(JwtBearerEvents events)
    {
        events.OnAuthenticationFailed = async context =>
        {
            if (Is(context.Exception) || await KeysUnreachableAsync(context))
            {
                context.HttpContext.Items[Flag] = true;
            }
        };
        events.OnChallenge = async context =>
        {
            if (!context.HttpContext.Items.ContainsKey(Flag))
            {
                return;
            }

            context.HandleResponse();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = Title, Detail = Detail },
            });
        };
    }
}
