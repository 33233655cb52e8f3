using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.EventStore;
using Marten;
using Mediator;

namespace Consultation.Positions.Reading;

/// <summary>A stakeholder's own position on an issue as the record stands, with its version as ETag.</summary>
public static class GetPosition
{
    public sealed record Query(string Key) : IQuery<PositionDetails>;

    public static string Route(PositionDetails position) =>
        $"/processes/{position.Process}/issues/{position.Issue}/positions/{position.Stakeholder}";

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, PositionDetails>
    {
        public async ValueTask<PositionDetails> Handle(Query query, CancellationToken cancellationToken) =>
            await session.LoadAsync<PositionDetails>(query.Key, cancellationToken) ?? throw new StreamNotFound("Position", query.Key);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{process}/issues/{issue}/positions/{stakeholder}",
                async (string process, string issue, string stakeholder, IMediator mediator, HttpContext http, CancellationToken ct) =>
                {
                    var details = await mediator.Send(new Query(Position.KeyFor(process, issue, stakeholder)), ct);
                    http.Response.Headers.ETag = ETags.For(details.Version);
                    return TypedResults.Ok(details);
                })
            .WithName("GetPosition")
            .WithSummary("Fetch a stakeholder's position on an issue")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
