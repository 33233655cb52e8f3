using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.EventStore;
using Marten;
using Mediator;

namespace Consultation.Meetings.Reading;

/// <summary>The record of a meeting: participants, statements, findings, recommendations, the chair's summary, status and version.</summary>
public static class GetMeeting
{
    /// <summary><see cref="Key"/> is the stream key, <c>{process}/{meeting}</c>.</summary>
    public sealed record Query(string Key) : IQuery<MeetingDetails>;

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, MeetingDetails>
    {
        public async ValueTask<MeetingDetails> Handle(Query query, CancellationToken cancellationToken) =>
            await session.LoadAsync<MeetingDetails>(query.Key, cancellationToken) ?? throw new StreamNotFound("Meeting", query.Key);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/processes/{key}/meetings/{meeting}", async (string key, string meeting, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var details = await mediator.Send(new Query(Meeting.KeyOf(key, meeting)), ct);
                http.Response.Headers.ETag = ETags.For(details.Version);
                return TypedResults.Ok(details);
            })
            .WithName("GetMeeting")
            .WithSummary("Fetch the record of a meeting")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
