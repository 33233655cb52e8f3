using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Consultation.Infrastructure.Security;

/// <summary>
/// Answers refused requests with problem details that say why: 401 (with the bearer challenge) when there is no valid
/// token, 403 naming the roles the endpoint needs or the process the user is not assigned to (on the web pages, as a page).
/// </summary>
public sealed class AccessDeniedProblems(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden || result.AuthorizationFailure is not { } failure)
        {
            await _default.HandleAsync(next, http, policy, result);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (PageAuthentication.IsPage(http.Request.Path) && http.RequestServices.GetService<IRefusalPage>() is { } page)
        {
            await page.WriteAsync(http, "You cannot see this page", Explain(http, failure));
            return;
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = Explain(http, failure),
            },
        });
    }

    private static string Explain(HttpContext http, AuthorizationFailure failure)
    {
        var reasons = failure.FailureReasons.Select(r => r.Message).ToList();
        if (failure.FailedRequirements.OfType<RolesAuthorizationRequirement>().FirstOrDefault() is { } roles)
        {
            var held = http.User.RolesOf();
            reasons.Insert(0, $"This needs the role {string.Join(" or ", roles.AllowedRoles.Select(r => $"'{r}'"))}; "
                + $"your token has {(held.Count == 0 ? "no role" : string.Join(", ", held.Select(r => $"'{r}'")))}.");
        }

        return reasons.Count == 0 ? "You are not allowed to do this." : string.Join(" ", reasons);
    }
}
