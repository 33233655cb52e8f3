using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.EventStore;
using Marten;
using Mediator;

namespace Consultation.Processes.Reading;

/// <summary>A process as the record stands: phases, co-facilitators, issues.</summary>
public static class GetProcess
{
    public sealed record Query(string Key) : IQuery<ProcessDetails>;

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, ProcessDetails>
    {
        public async ValueTask<ProcessDetails> Handle(Query query, CancellationToken cancellationToken) =>
            await session.LoadAsync<ProcessDetails>(query.Key, cancellationToken) ?? throw new StreamNotFound("Process", query.Key);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/processes/{key}", async (string key, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var details = await mediator.Send(new Query(key), ct);
                http.Response.Headers.ETag = ETags.For(details.Version);
                return TypedResults.Ok(details);
            })
            .WithName("GetProcess")
            .WithSummary("Fetch a process with its phases, co-facilitators and issues")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
