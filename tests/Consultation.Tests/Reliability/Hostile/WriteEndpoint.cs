using Consultation.Tests.Security;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Reliability.Hostile;

/// <summary>An endpoint that writes (POST, PUT, PATCH, DELETE), with the type its JSON body binds to, if it takes one.</summary>
public sealed record WriteEndpoint(EndpointRoute Route, Type? BodyType, bool BodyIsOptional)
{
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Whether a request can be hostile in what it carries: a JSON body or a route value (a bare POST such as verify cannot).</summary>
    public bool CanCarryHostileInput => BodyType is not null || Route.Pattern.Contains('{', StringComparison.Ordinal);

    public override string ToString() => Route.Key;

    /// <summary>Every write endpoint the running service maps, so endpoints added later are covered without editing the test.</summary>
    public static IReadOnlyList<WriteEndpoint> Of(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(WriteMethods.Contains)
                .Select(method => new WriteEndpoint(
                    new EndpointRoute(method, "/" + e.RoutePattern.RawText!.TrimStart('/')),
                    e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType,
                    e.Metadata.GetMetadata<IAcceptsMetadata>()?.IsOptional ?? true)))
            // The dashboard's pages (/ui) post HTML forms guarded by antiforgery; the corpus is for the API's commands.
            .Where(w => !w.Route.Pattern.StartsWith("/ui", StringComparison.Ordinal) && !w.Route.Pattern.StartsWith("/_framework", StringComparison.Ordinal))
            .DistinctBy(w => w.Route.Key)
            .OrderBy(w => w.Route.Key, StringComparer.Ordinal)];
}
