using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.EventStore;
using Marten;
using Mediator;

namespace Consultation.Convergence.Areas.Reading;

/// <summary>An area of convergence as the record stands: status and its history, linked issues, divergences, confirmations, version.</summary>
public static class GetArea
{
    /// <summary><see cref="Key"/> is the stream key, <c>{process}/area:{area}</c>.</summary>
    public sealed record Query(string Key) : IQuery<AreaDetails>;

    public static string Route(AreaDetails area) => $"/processes/{area.Process}/areas/{area.Area}";

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, AreaDetails>
    {
        public async ValueTask<AreaDetails> Handle(Query query, CancellationToken cancellationToken) =>
            await session.LoadAsync<AreaDetails>(query.Key, cancellationToken) ?? throw new StreamNotFound("Area", query.Key);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/processes/{key}/areas/{area}", async (string key, string area, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var details = await mediator.Send(new Query(Area.KeyOf(key, area)), ct);
                http.Response.Headers.ETag = ETags.For(details.Version);
                return TypedResults.Ok(details);
            })
            .WithName("GetArea")
            .WithSummary("Fetch an area of convergence")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
