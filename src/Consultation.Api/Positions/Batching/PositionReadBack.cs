using Consultation.Infrastructure.EventStore;
using Consultation.Positions.Reading;
using Consultation.Positions.Stating;
using Mediator;

namespace Consultation.Positions.Batching;

/// <summary>
/// How the position endpoints answer an idempotent retry whose original response was never
/// recorded (<see cref="Infrastructure.Idempotency.IdempotencyRecovery"/>): the events were committed
/// with the key, so the positions are read back as they stand now (a later revision shows in the version).
/// </summary>
public static class PositionReadBack
{
    /// <summary>For <c>POST /processes/{process}/issues/{issue}/positions</c>: 201 with the position, Location and ETag.</summary>
    public static async ValueTask<object?> Stated(EndpointFilterInvocationContext context)
    {
        var http = context.HttpContext;
        var request = context.Arguments.OfType<StatePosition.Request>().Single();
        var command = request.For((string)http.Request.RouteValues["process"]!, (string)http.Request.RouteValues["issue"]!);
        var details = await http.RequestServices.GetRequiredService<IMediator>().Send(new GetPosition.Query(command.PositionKey), http.RequestAborted);
        http.Response.Headers.ETag = ETags.For(details.Version);
        return TypedResults.Created(GetPosition.Route(details), details);
    }
}
