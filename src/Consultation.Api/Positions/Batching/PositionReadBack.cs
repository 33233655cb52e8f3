using Consultation.Positions.Reading;
using Consultation.Positions.Stating;

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

    /// <summary>For <c>POST /processes/{process}/positions/batch</c>: 201 with the batch's positions at their versions now.</summary>
    public static async ValueTask<object?> Batch(EndpointFilterInvocationContext context)
    {
        var http = context.HttpContext;
        var process = (string)http.Request.RouteValues["process"]!;
        var keys = context.Arguments.OfType<StatePositionsInBatch.Request>().Single().Items!.Select(i => i!.For(process).PositionKey).ToList();
        var positions = (await http.RequestServices.GetRequiredService<IQuerySession>().LoadManyAsync<PositionDetails>(http.RequestAborted, keys))
            .ToDictionary(p => p.Id);
        return TypedResults.Created(
            (string?)null,
            new StatePositionsInBatch.Written(process, [.. keys.Select((key, i) => new StatePositionsInBatch.WrittenPosition(i, key, positions[key].Version, GetPosition.Route(positions[key])))]));
    }
}
