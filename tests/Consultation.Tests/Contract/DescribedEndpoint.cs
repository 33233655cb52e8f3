using System.Reflection;
using Consultation.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Contract;

/// <summary>
/// An endpoint the running service maps that the OpenAPI document should describe (a route handler not excluded from
/// the description), with what the document must say about it. Taken from the endpoint data source, so a new endpoint is
/// checked without anyone adding it here.
/// </summary>
public sealed record DescribedEndpoint(RouteEndpoint Endpoint, HttpMethod Method)
{
    /// <summary>The path as OpenAPI writes it: <c>{name}</c> for each parameter, without constraints or catch-all stars.</summary>
    public string Path => "/" + string.Join('/', Endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
        RoutePatternSeparatorPart separator => separator.Content,
        _ => string.Empty,
    }))));

    public IReadOnlyList<string> RouteParameters => [.. Endpoint.RoutePattern.Parameters.Select(p => p.Name)];

    public bool IsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    public bool NeedsRoleOrProcess => Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null);

    public bool IsRateLimited => Endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null && Endpoint.Metadata.GetMetadata<DisableRateLimitingAttribute>() is null;

    public bool HonoursIdempotencyKey => Endpoint.Metadata.GetMetadata<HonoursIdempotencyKey>() is not null;

    public Type? BodyType => Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    public override string ToString() => $"{Method} {Path}";

    public static IReadOnlyList<DescribedEndpoint> Of(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<MethodInfo>() is not null
                && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new DescribedEndpoint(e, new HttpMethod(m))))
            .DistinctBy(e => e.ToString())
            .OrderBy(e => e.ToString(), StringComparer.Ordinal)];
}
