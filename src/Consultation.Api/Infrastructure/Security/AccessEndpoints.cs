namespace Consultation.Infrastructure.Security;

public static class AccessEndpoints
{
    public const string WritesRateLimit = "writes";

    /// <summary>A group of endpoints open to <paramref name="access"/>'s roles, within the user's processes.</summary>
    public static RouteGroupBuilder For(this IEndpointRouteBuilder app, Access access) => app.MapGroup(string.Empty).RequireAccess(access);

    /// <summary>
    /// Opens endpoints to <paramref name="access"/>'s roles within the user's processes; those that change the record are
    /// rate limited per user. On an endpoint inside a group, the endpoint's access is the one that counts.
    /// </summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, Access access)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(access.Policy).WithMetadata(access);
        return access == Access.Read || access == Access.Audit ? builder : builder.RequireRateLimiting(WritesRateLimit);
    }
}
