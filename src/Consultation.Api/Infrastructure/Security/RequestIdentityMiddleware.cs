using Consultation.Infrastructure.Pipeline;

namespace Consultation.Infrastructure.Security;

/// <summary>
/// Puts the authenticated user into <see cref="RequestContext"/>, so every event a request appends records the user id,
/// display name and the role the endpoint was used in, and read handlers know the user's processes.
/// A request starts as nobody with no process (never as the service's own identity, which the command line and seeding
/// use); only a token's user (<see cref="TokenUser"/>) replaces that.
/// </summary>
public sealed class RequestIdentityMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http, RequestContext context)
    {
        context.BecomeNobody();
        if (http.User.Identity?.IsAuthenticated == true && http.User.UserIdOf() is { } userId && TokenUser.Problem(userId) is null)
        {
            var roles = http.User.RolesOf();
            context.UserName = userId;
            context.DisplayName = http.User.DisplayNameOf() ?? userId;
            context.Role = http.GetEndpoint()?.Metadata.GetMetadata<Access>()?.RoleUsedBy(roles) ?? roles.FirstOrDefault() ?? "none";
            context.Processes = http.User.ProcessScopeOf();
        }

        return next(http);
    }
}
