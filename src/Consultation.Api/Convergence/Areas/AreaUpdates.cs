using Consultation.Convergence.Areas.Reading;
using Consultation.Processes;

namespace Consultation.Convergence.Areas;

/// <summary>What the facilitators' updates of an area share: a path under the area, its <c>If-Match</c> and its answer (the area read back), and a decision that also reads the area's process.</summary>
public static class AreaUpdates
{
    /// <summary>Maps <c>POST /processes/{key}/areas/{area}/</c><paramref name="action"/>: the command built from the area's stream key, the expected version and the route.</summary>
    public static RouteHandlerBuilder MapAreaUpdate<TRequest>(
        this IEndpointRouteBuilder app, string action, Func<string, long, RouteValueDictionary, TRequest, IStreamUpdate> toCommand)
        where TRequest : notnull =>
        app.MapUpdate<TRequest, AreaDetails>(
            "/processes/{key}/areas/{area}/" + action,
            "area",
            (route, request, version) => toCommand(Area.KeyOf(route.Route("key"), route.Route("area")), version, route, request),
            key => new GetArea.Query(key));

    /// <summary>Appends what <paramref name="decide"/> makes of the area and its process.</summary>
    public static Task<StreamWritten> UpdateAreaAsync(
        this IDocumentSession session, IStreamUpdate command, Func<Area, ProcessDetails, IReadOnlyList<object>> decide, CancellationToken cancellationToken) =>
        session.UpdateStream<Area>(command, "Area", async current => decide(current, await session.ProcessOfAsync(current, cancellationToken)), cancellationToken);
}
